// R-RECORD: which paper form a request is entered in (`003 4.1.1`, `000 4.2.2`). Help with an
// emergency (medical, security, disaster) goes to the help register (住户求助登记表), complaints
// to the complaint record (投诉记录表), repairs to the repair record (报修记录), inquiries and
// other everyday help to the daily affairs register (日常事务登记表).
import type { RequestKind } from '../domain/requestKinds';

export const REGISTER_IDS = ['help', 'complaint', 'repair', 'daily'] as const;
export type RegisterId = (typeof REGISTER_IDS)[number];

export const REGISTER_KINDS: Record<RegisterId, readonly RequestKind[]> = {
  help: ['medical', 'security', 'disaster'],
  complaint: ['complaint'],
  repair: ['repair'],
  daily: ['inquiry', 'other'],
};

export function isRegisterId(value: string): value is RegisterId {
  return (REGISTER_IDS as readonly string[]).includes(value);
}
