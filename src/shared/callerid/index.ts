// Caller-ID parsing for every device family in docs/callerid.md. Pure TypeScript:
// the host's serial reader (src/host/callerid) feeds it bytes and its clock.

export { createCallerIdParser, type CallerIdParser, type CallerIdParserOptions } from './parser';
export { CALLER_ID_FAMILIES, FAMILY_PROFILES, FAMILY_SETTINGS, initCommands, isFamilySetting, type CallerIdFamily, type FamilySetting } from './families/families';
export { toCallerIdCall, type CallerIdCallInfo } from './assembly/toCallerIdCall';
export type * from './events';
