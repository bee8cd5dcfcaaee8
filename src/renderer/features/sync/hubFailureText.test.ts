import { describe, expect, it } from 'vitest';
import { HUB_FAILURES } from '@shared/sync/syncContract';
import { zhCN } from '../../i18n/zh-CN';
import { en } from '../../i18n/en';
import { hubFailureText } from './hubFailureText';

const ours = { station: 'front-desk', site: 'estate1' };

describe('every hub failure has a translated sentence', () => {
  it('each failure kind maps to a key that exists in zh-CN and en', () => {
    for (const failure of [...HUB_FAILURES, 'local' as const]) {
      const text = hubFailureText({ failure, status: null, message: 'x' }, ours);
      const leaf = text.key.split('.').at(-1) as keyof typeof zhCN.sync.failures;
      expect(zhCN.sync.failures[leaf], failure).toBeTypeOf('string');
      expect(en.sync.failures[leaf], failure).toBeTypeOf('string');
    }
  });

  it('a token of another station names both stations', () => {
    const text = hubFailureText({ failure: 'refused', status: null, message: 'this token is for station control-room, this workstation is front-desk' }, ours);
    expect(text).toMatchObject({ key: 'sync.failures.refusedStation', values: { theirs: 'control-room', ours: 'front-desk' } });
  });

  it('a token of another estate names both estates', () => {
    const text = hubFailureText({ failure: 'refused', status: null, message: 'this token is for estate estate2, this workstation belongs to estate1' }, ours);
    expect(text).toMatchObject({ key: 'sync.failures.refusedSite', values: { theirs: 'estate2', ours: 'estate1' } });
  });

  it('a refusal naming nothing of ours (a bad address) is the generic sentence with the host\'s words as detail', () => {
    const text = hubFailureText({ failure: 'refused', status: null, message: 'the hub address is not a URL' }, ours);
    expect(text).toEqual({ key: 'sync.failures.refused', values: {}, detail: 'the hub address is not a URL' });
  });

  it('unavailable says the HTTP status; unauthorized says token unknown or revoked', () => {
    expect(hubFailureText({ failure: 'unavailable', status: 502, message: '' })).toMatchObject({ key: 'sync.failures.unavailable', values: { status: 502 } });
    expect(hubFailureText({ failure: 'unauthorized', status: 401, message: 'token' }).key).toBe('sync.failures.unauthorized');
    expect(zhCN.sync.failures.unauthorized).toContain('吊销');
  });
});
