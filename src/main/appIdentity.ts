// Who the desktop app is, pinned once: the IndexedDB store lives under userData and is keyed
// by origin, so renaming either makes the desk's data look gone after an update
// (electron#15245, #37702; Kong/insomnia#9002; docs/desktop-shell.md). Change none of these.

export const APP_NAME = 'DutyDesk';
/** Also the Windows AppUserModelID: it must equal electron-builder's appId (toasts, NSIS GUID). */
export const APP_ID = 'com.dutydesk.desk';
export const APP_SCHEME = 'app';
export const APP_HOST = 'dutydesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The product's Chinese name, shown as the window title until the renderer sets its own. */
export const APP_TITLE = '客服值班台';

/** Test-only: each Electron e2e test runs on its own profile, or a leftover instance's lock quits it. */
export const USER_DATA_ENV = 'DUTYDESK_USER_DATA';
/** Optional override of the update feed; normally it comes from update.json in userData. */
export const UPDATE_URL_ENV = 'DUTYDESK_UPDATE_URL';
