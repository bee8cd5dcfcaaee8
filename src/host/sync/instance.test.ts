// F14: a wiped or swapped browser store is noticed through the host's instance record.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instanceStore } from './instance';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dutydesk-instance-'));
  path = join(dir, 'sync', 'instance.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const station = { name: 'FD-1', code: 'A' };

describe('F14: instance record', () => {
  it('no record: the store is kept as the instance (new), then same', async () => {
    const store = instanceStore(path);
    expect(await store.claim({ instanceId: 'i-1', station }, false)).toEqual({ status: 'new', previous: null });
    expect(await store.claim({ instanceId: 'i-1', station }, false)).toEqual({ status: 'same', previous: null });
  });

  it('same id refreshes the station record', async () => {
    const store = instanceStore(path);
    await store.claim({ instanceId: 'i-1', station: null }, false);
    expect(await store.claim({ instanceId: 'i-1', station }, false)).toEqual({ status: 'same', previous: null });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ instanceId: 'i-1', station });
  });

  it('another id is a reset with what was kept, until adopted', async () => {
    const store = instanceStore(path);
    await store.claim({ instanceId: 'i-1', station }, false);
    expect(await store.claim({ instanceId: 'i-2', station: null }, false)).toEqual({ status: 'reset', previous: { instanceId: 'i-1', station } });
    // Still reset: nothing was overwritten by asking.
    expect((await store.claim({ instanceId: 'i-2', station: null }, false)).status).toBe('reset');
    expect(await store.claim({ instanceId: 'i-2', station }, true)).toEqual({ status: 'same', previous: null });
    expect(await store.claim({ instanceId: 'i-2', station }, false)).toEqual({ status: 'same', previous: null });
  });

  it('the same id without a station while the host has one is a reset (the store lost its station)', async () => {
    const store = instanceStore(path);
    await store.claim({ instanceId: 'i-1', station }, false);
    expect(await store.claim({ instanceId: 'i-1', station: null }, false)).toEqual({ status: 'reset', previous: { instanceId: 'i-1', station } });
  });

  it('a corrupt record is replaced, never a crash', async () => {
    mkdirSync(join(dir, 'sync'));
    writeFileSync(path, '{"instanceId": ');
    expect(await instanceStore(path).claim({ instanceId: 'i-9', station }, false)).toEqual({ status: 'new', previous: null });
  });
});
