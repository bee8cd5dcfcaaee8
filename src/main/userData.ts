import { isAbsolute, join } from 'node:path';
import { APP_NAME, USER_DATA_ENV } from './appIdentity';

export interface UserDataChoice {
  path: string;
  /** Set when the override was present but unusable and the pinned folder is used instead. */
  warning: string | null;
}

/**
 * The userData folder: <appData>/DutyDesk whatever the product name or executable is called,
 * unless a test passes its own absolute folder. Chosen before the single-instance lock, which
 * is per userData folder (taken first, it would also create the default folder).
 */
export function pinnedUserDataPath(appDataDir: string, env: Record<string, string | undefined>): UserDataChoice {
  const pinned = join(appDataDir, APP_NAME);
  const override = env[USER_DATA_ENV];
  if (override === undefined || override === '') return { path: pinned, warning: null };
  if (!isAbsolute(override)) return { path: pinned, warning: `${USER_DATA_ENV} must be an absolute path; using ${pinned}` };
  return { path: override, warning: null };
}

/** Host services (settings, logs) keep their files beside Chromium's, in one folder of their own. */
export function hostDataDir(userDataDir: string): string {
  return join(userDataDir, 'host');
}
