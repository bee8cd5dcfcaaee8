import { common } from './common';
import { calls, callerId } from './calls';
import { intake, queue, settings, setup, signIn, staff, ticket } from './desk';
import { directory } from './directory';
import { sync } from './sync';
import { handling } from './handling';
import { registers } from './registers';
import { deadlines } from './deadlines';
import { alarms } from './alarms';
import { duty } from './duty';
import { handover } from './handover';
import { shiftLog } from './shiftLog';
import { keys } from './keys';

export const zhCN = { common, setup, signIn, intake, queue, ticket, staff, settings, calls, callerId, directory, sync, handling, registers, deadlines, alarms, duty, handover, shiftLog, keys } as const;
