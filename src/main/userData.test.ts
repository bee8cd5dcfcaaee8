import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ID, APP_NAME, APP_ORIGIN, USER_DATA_ENV } from './appIdentity';
import { hostDataDir, pinnedUserDataPath } from './userData';

// Checklist item 34: a rename or a scheme change must not orphan the desk's IndexedDB.
describe('pinned identity', () => {
  it('keeps the userData folder name, the origin and the app id constant', () => {
    expect(APP_NAME).toBe('DutyDesk');
    expect(APP_ORIGIN).toBe('app://dutydesk');
    expect(APP_ENTRY_URL).toBe('app://dutydesk/index.html');
    expect(APP_ID).toBe('com.dutydesk.desk');
  });
});

describe('pinnedUserDataPath', () => {
  const appData = path.join(path.sep, 'home', 'desk', '.config');

  it('is <appData>/DutyDesk by default', () => {
    expect(pinnedUserDataPath(appData, {})).toEqual({ path: path.join(appData, 'DutyDesk'), warning: null });
    expect(pinnedUserDataPath(appData, { [USER_DATA_ENV]: '' }).path).toBe(path.join(appData, 'DutyDesk'));
  });

  it('takes an absolute test folder', () => {
    const own = path.join(path.sep, 'tmp', 'e2e-1');
    expect(pinnedUserDataPath(appData, { [USER_DATA_ENV]: own })).toEqual({ path: own, warning: null });
  });

  it('refuses a relative override and says so', () => {
    const choice = pinnedUserDataPath(appData, { [USER_DATA_ENV]: 'data' });
    expect(choice.path).toBe(path.join(appData, 'DutyDesk'));
    expect(choice.warning).toContain(USER_DATA_ENV);
  });

  it('keeps host files in their own folder under userData', () => {
    expect(hostDataDir(path.join(appData, 'DutyDesk'))).toBe(path.join(appData, 'DutyDesk', 'host'));
  });
});
