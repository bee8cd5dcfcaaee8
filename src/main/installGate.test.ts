import { describe, expect, it } from 'vitest';
import { createInstallGate, type InstallAnswer } from './installGate';

// Issue 15 / design.md "what bites": an update never installs while an alarm rings. The gate is
// driven with a fake timer and a fake installer, as the updater drives it with electron-updater.

function setup(install: () => Promise<InstallAnswer> = async () => 'installed') {
  let ringing = false;
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const installs: number[] = [];
  const gate = createInstallGate({
    alarmsRinging: () => ringing,
    install: async () => {
      installs.push(Date.now());
      return install();
    },
    logger: { info() {}, warn() {}, error() {} },
    retryMs: 60_000,
    setTimer: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  });
  const fireTimers = async () => {
    for (const timer of timers.splice(0)) if (!timer.cancelled) timer.run();
    await new Promise((done) => setTimeout(done, 0));
  };
  return { gate, installs, timers, fireTimers, ring: (on: boolean) => (ringing = on) };
}

describe('install gate', () => {
  it('installs at once when nothing rings', async () => {
    const { gate, installs } = setup();
    expect(await gate.request()).toBe('installed');
    expect(installs).toHaveLength(1);
  });

  it('never installs while an alarm rings: it defers, retries, and installs once the desk is quiet', async () => {
    const { gate, installs, timers, fireTimers, ring } = setup();
    ring(true);
    expect(await gate.request()).toBe('deferred');
    expect(installs).toHaveLength(0);
    expect(gate.waiting()).toBe(true);
    expect(timers.map((t) => t.ms)).toEqual([60_000]);
    // A second request while waiting does not arm a second retry.
    expect(await gate.request()).toBe('deferred');
    expect(timers).toHaveLength(1);

    await fireTimers();
    expect(installs).toHaveLength(0);
    expect(timers).toHaveLength(1);

    ring(false);
    await fireTimers();
    expect(installs).toHaveLength(1);
    expect(gate.waiting()).toBe(false);
  });

  it('an alarm that starts while the download is being checked defers the install too', async () => {
    let answer: InstallAnswer = 'deferred';
    const { gate, timers, fireTimers } = setup(async () => answer);
    expect(await gate.request()).toBe('deferred');
    expect(timers).toHaveLength(1);
    answer = 'installed';
    await fireTimers();
    expect(gate.waiting()).toBe(false);
  });

  it('passes a refusal through (no verified download) and does not retry it', async () => {
    const { gate, timers } = setup(async () => 'refused');
    expect(await gate.request()).toBe('refused');
    expect(timers).toHaveLength(0);
  });

  it('stops retrying when disposed (the desk is quitting)', async () => {
    const { gate, installs, timers, fireTimers, ring } = setup();
    ring(true);
    await gate.request();
    gate.dispose();
    expect(timers[0]!.cancelled).toBe(true);
    ring(false);
    await fireTimers();
    expect(installs).toHaveLength(0);
    expect(await gate.request()).toBe('refused');
  });
});
