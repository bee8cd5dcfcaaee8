// Preloaded into a hub (NODE_OPTIONS=--import) to run its clock HUB_CLOCK_SHIFT_MS ahead of the
// stations': the clock-warning screenshot needs a station more than a minute off its hub.
const shift = Number(process.env.HUB_CLOCK_SHIFT_MS ?? 0);
const RealDate = globalThis.Date;
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + shift);
    else super(...args);
  }
  static now() {
    return RealDate.now() + shift;
  }
}
globalThis.Date = ShiftedDate;
