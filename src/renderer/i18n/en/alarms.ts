import type { Translation } from '../types';

export const alarms: Translation['alarms'] = {};
