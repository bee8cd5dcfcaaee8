import type { Translation } from '../types';

export const handover: Translation['handover'] = {};
