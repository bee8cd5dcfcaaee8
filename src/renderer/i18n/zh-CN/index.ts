import { common } from './common';
import { calls, callerId } from './calls';
import { intake, queue, settings, setup, signIn, staff, ticket } from './desk';
import { directory } from './directory';
import { sync } from './sync';

export const zhCN = { common, setup, signIn, intake, queue, ticket, staff, settings, calls, callerId, directory, sync } as const;
