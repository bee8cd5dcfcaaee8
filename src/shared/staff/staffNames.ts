// U9, U21: how staff names are compared and listed.
import { pinyinForms } from '../directory/pinyinKeys';

/**
 * The form two names are compared in (U9): trimmed, full-width letters and digits folded to
 * half-width (NFKC), runs of spaces as one, case ignored. `王芳` and ` 王芳 `, `Tom Lee` and
 * `ＴＯＭ  lee` are the same person to the sign-in list.
 */
export function staffNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** Whether `name` is already taken by someone other than `exceptId`. */
export function isNameTaken(name: string, people: readonly { id: string; name: string }[], exceptId?: string): boolean {
  const key = staffNameKey(name);
  return people.some((p) => p.id !== exceptId && staffNameKey(p.name) === key);
}

const sortKeys = new Map<string, string>();

/** A name's pinyin reading (surname readings, ü as v) for ordering: 李经理 → `li jing li`. */
function sortKey(name: string): string {
  let key = sortKeys.get(name);
  if (key === undefined) {
    key = pinyinForms(name, true).syllables.join(' ');
    sortKeys.set(name, key);
  }
  return key;
}

/** U21: staff in the order a Chinese desk expects, by pinyin (李 before 王 before 张), Latin names among them. */
export function byPinyin<T extends { name: string }>(people: readonly T[]): T[] {
  return [...people].sort((a, b) => {
    const ka = sortKey(a.name);
    const kb = sortKey(b.name);
    return ka < kb ? -1 : ka > kb ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}
