import type { Translation } from '../types';

export const shiftLog: Translation['shiftLog'] = {};
