import type { Translation } from '../types';

export const duty: Translation['duty'] = {};
