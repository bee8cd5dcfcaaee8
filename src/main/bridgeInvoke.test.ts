import { describe, expect, it, vi } from 'vitest';
import type { BridgeHandlers } from '../shared/bridge/contract';
import { APP_ORIGIN } from './appIdentity';
import { createInvokeHandler, type InvokeEventLike } from './bridgeInvoke';

const handlers = {
  'app:info': () => ({ shell: 'desktop', version: '0.1.0', platform: 'linux', dataDir: '/d' }),
  'power:keepAwake': (on: boolean) => on,
  'window:attention': () => {
    throw new Error('no window');
  },
} as unknown as BridgeHandlers;

function setup() {
  const logger = { warn: vi.fn() };
  const invoke = createInvokeHandler({ handlers, trustedOrigin: APP_ORIGIN, mainWebContentsId: () => 3, logger });
  return { invoke, logger };
}

const ours: InvokeEventLike = { sender: { id: 3 }, senderFrame: { url: 'app://dutydesk/index.html', parent: null } };

describe('desk:invoke handler', () => {
  it('dispatches a trusted call', async () => {
    const { invoke } = setup();
    expect(await invoke(ours, 'power:keepAwake', [true])).toEqual({ ok: true, value: true });
  });

  it('refuses a foreign frame, an iframe, another window and a vanished frame, and logs it', async () => {
    const { invoke, logger } = setup();
    const strangers: InvokeEventLike[] = [
      { sender: { id: 3 }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: 3 }, senderFrame: { url: 'app://dutydesk/index.html', parent: {} } },
      { sender: { id: 4 }, senderFrame: { url: 'app://dutydesk/index.html', parent: null } },
      { sender: { id: 3 }, senderFrame: null },
      {
        sender: { id: 3 },
        get senderFrame(): never {
          throw new Error('Render frame was disposed');
        },
      },
    ];
    for (const event of strangers) expect(await invoke(event, 'app:info', [])).toMatchObject({ ok: false, error: 'forbidden' });
    expect(logger.warn).toHaveBeenCalledTimes(strangers.length);
  });

  it('answers unknown methods, bad arguments and failing handlers without throwing', async () => {
    const { invoke } = setup();
    expect(await invoke(ours, 'shell:exec', ['rm -rf /'])).toMatchObject({ ok: false, error: 'unknownMethod' });
    expect(await invoke(ours, 'power:keepAwake', ['yes'])).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await invoke(ours, 'power:keepAwake', 'not a tuple')).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await invoke(ours, 'window:attention', ['alarm'])).toMatchObject({ ok: false, error: 'failed', message: 'no window' });
  });
});
