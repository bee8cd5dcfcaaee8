/** i18next's `t` as far as spans need it (untyped: the unit's key is built). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;
/** Any `t`: the typed one of useTranslation or an untyped one. */
type AnyTranslate = (...args: never[]) => unknown;

/** Within this after its due time a deadline reads "just due", not "due 0 seconds ago". */
export const JUST_DUE_MS = 5_000;

const SIZES = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1_000 } as const;
type Unit = keyof typeof SIZES;

/**
 * A length of time in the desk's language, in its two largest units ("1天12小时", "4分钟12秒"):
 * a countdown or a tuning in minutes read at a glance. Seconds only under an hour; a second
 * unit of zero is left out ("2小时", not "2小时0分钟").
 */
export function spanText(anyT: AnyTranslate, ms: number): string {
  const t = anyT as unknown as Translate;
  const total = Math.floor(Math.abs(ms) / 1000) * 1000;
  const units = (Object.keys(SIZES) as Unit[]).filter((unit) => unit !== 'seconds' || total < SIZES.hours);
  let rest = total;
  const counts = units.map((unit) => {
    const count = Math.floor(rest / SIZES[unit]);
    rest -= count * SIZES[unit];
    return [unit, count] as const;
  });
  const first = counts.findIndex(([, count]) => count > 0);
  if (first < 0) return t('deadlines.span.seconds', { count: 0 });
  const text = ([unit, count]: readonly [Unit, number]) => t(`deadlines.span.${unit}`, { count });
  const next = counts[first + 1];
  return next && next[1] > 0 ? t('deadlines.span.pair', { a: text(counts[first]!), b: text(next) }) : text(counts[first]!);
}
