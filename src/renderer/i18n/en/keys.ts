import type { Translation } from '../types';

export const keys: Translation['keys'] = {};
