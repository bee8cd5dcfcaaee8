// 身份 as offices write it.
import type { Relation } from '../directoryEvents';

const WORDS: Record<Relation, readonly string[]> = {
  owner: ['业主', '房主', '产权人', '户主', '业户', 'owner'],
  tenant: ['租户', '租客', '承租人', '住户(租)', 'tenant', 'renter'],
  family: ['家属', '家人', '亲属', '同住人', '配偶', '子女', '父母', 'family', 'relative'],
};

export function readRelation(text: string): Relation | null {
  const word = text.trim().toLowerCase();
  for (const [relation, words] of Object.entries(WORDS) as [Relation, readonly string[]][]) {
    if (words.includes(word)) return relation;
  }
  return null;
}

/** The word the export writes, which the import reads back. */
export const RELATION_EXPORT_WORD: Record<Relation, string> = { owner: '业主', tenant: '租户', family: '家属' };
