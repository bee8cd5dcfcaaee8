import type { Translation } from '../types';
import { common } from './common';
import { intake, queue, settings, setup, signIn, staff, ticket } from './desk';

export const en: Translation = { common, setup, signIn, intake, queue, ticket, staff, settings };
