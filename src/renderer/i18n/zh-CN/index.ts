import { common } from './common';
import { intake, queue, settings, setup, signIn, staff, ticket } from './desk';

export const zhCN = { common, setup, signIn, intake, queue, ticket, staff, settings } as const;
