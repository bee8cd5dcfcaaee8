import { describe, expect, it } from 'vitest';
import { PushLanes, SMALL_PUSH } from './pushLanes';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('push lanes', () => {
  it('runs one push of a lane at a time, small waiting pushes before large ones', async () => {
    const lanes = new PushLanes();
    const order: string[] = [];
    const first = gate();
    const running = lanes.turn('site:1', 200, async () => { order.push('large-1 starts'); await first.opened; order.push('large-1 ends'); });
    const large2 = lanes.turn('site:1', 200, async () => { order.push('large-2'); });
    const small = lanes.turn('site:1', 10, async () => { order.push('small'); });
    const small2 = lanes.turn('site:1', SMALL_PUSH, async () => { order.push('small-2'); });
    expect(lanes.waiting('site:1')).toBe(3);
    first.open();
    await Promise.all([running, large2, small, small2]);
    expect(order).toEqual(['large-1 starts', 'large-1 ends', 'small', 'small-2', 'large-2']);
    expect(lanes.waiting('site:1')).toBe(0);
  });

  it('lets different lanes run side by side', async () => {
    const lanes = new PushLanes();
    const held = gate();
    const a = lanes.turn('site:1', 500, () => held.opened);
    let otherRan = false;
    await lanes.turn('site:2', 500, async () => { otherRan = true; });
    expect(otherRan).toBe(true);
    held.open();
    await a;
  });

  it('hands the lane on when a push fails', async () => {
    const lanes = new PushLanes();
    const failing = lanes.turn('sqlite', 10, async () => { throw new Error('disk full'); });
    const next = lanes.turn('sqlite', 10, async () => 'stored');
    await expect(failing).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('stored');
    expect(lanes.waiting('sqlite')).toBe(0);
  });
});
