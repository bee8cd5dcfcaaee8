import { describe, expect, it } from 'vitest';
import { canonicalTimeZone } from './stationEvents';

describe('time zones', () => {
  it('U21: a zone is kept as the IANA database spells it; an unknown one is refused', () => {
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone(' Asia/Hong_Kong ')).toBe('Asia/Hong_Kong');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });
});
