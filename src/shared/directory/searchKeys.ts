// Keys for the multiEntry `*searchKeys` index: a query is one prefix lookup (`startsWith`) on
// it, never a scan, so search stays fast on 20,000 residents. Every key is lower case, with
// no spaces; a query is normalised the same way (directoryQuery).
import { normaliseBuilding, normaliseRoom, toHalfWidth, unitKey, unitQueryKey } from '../domain/units';
import { hasChinese, pinyinForms } from './pinyinKeys';

// Directory rows are saved rarely (unlike tickets), so a resident may carry many keys.
const MAX_KEYS = 80;
const PHONE_LIKE = /^[+\d\s\-()]{4,}$/;
/** U18: the shortest end of a number that finds it (`5678`, the last digits staff remember). */
const MIN_PHONE_TAIL = 4;

export function compact(text: string): string {
  return toHalfWidth(text.normalize('NFKC')).toLowerCase().replace(/[\s'’·.]/gu, '').replace(/ü/gu, 'v');
}

/** Every tail of a list joined (zhangsan, san), so a given name or a later syllable matches too. */
function tails(parts: readonly string[], minLength = 1): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const tail = parts.slice(i).join('');
    if (tail.length >= minLength) out.push(tail);
  }
  return out;
}

function textKeys(text: string, asName: boolean): string[] {
  const whole = compact(text);
  if (!whole) return [];
  const keys = [whole];
  if (hasChinese(text)) {
    keys.push(...tails([...whole]));
    const { syllables, initials } = pinyinForms(text, asName);
    keys.push(...tails(syllables), ...tails(initials, 2));
    // U18: ü is typed as v (lvbu) or, as often, u (lubu): 吕布 answers both.
    if (syllables.some((s) => s.includes('v'))) keys.push(...tails(syllables.map((s) => s.replace(/v/gu, 'u'))));
  } else {
    keys.push(...tails(toHalfWidth(text).toLowerCase().split(/[\s'’·.]+/u).filter(Boolean)));
  }
  return keys;
}

export interface ResidentKeySource {
  name: string;
  phoneNumbers: readonly { e164: string }[];
}

/**
 * Name, name in pinyin and initials, and each number's digits: whole and every end of at least
 * MIN_PHONE_TAIL digits, so `5678` and a Hong Kong number's local `21234567` (+852 21234567)
 * find it (U18). Number keys are all digits; names never are (directoryQueries keeps them apart).
 */
export function residentSearchKeys({ name, phoneNumbers }: ResidentKeySource): string[] {
  const keys = textKeys(name, true);
  const numberKeys: string[] = [];
  for (const { e164 } of phoneNumbers) {
    // +86 numbers are searched as dialled at home: 13800138000 and 075588881234.
    const national = e164.startsWith('+86') ? e164.slice(3) : e164.slice(1);
    keys.push(national);
    if (e164.startsWith('+86') && !national.startsWith('1')) keys.push(`0${national}`);
    for (let i = 1; national.length - i >= MIN_PHONE_TAIL; i++) numberKeys.push(national.slice(i));
  }
  // Whole numbers before their ends, so a cut at MAX_KEYS drops a tail, never a number.
  return [...new Set([...keys, ...numberKeys])].slice(0, MAX_KEYS);
}

export interface UnitKeySource {
  building: string;
  room: string;
}

/** `3-1502`, `31502`, `1502`, and the building's name and pinyin (紫荆阁, zijingge, zjg). */
export function unitSearchKeys({ building, room }: UnitKeySource): string[] {
  const b = compact(normaliseBuilding(building));
  const r = compact(normaliseRoom(room));
  const keys = [compact(unitKey({ building, room })), `${b}${r}`, r, ...textKeys(building, false)];
  return [...new Set(keys)].filter(Boolean).slice(0, MAX_KEYS);
}

/** The index prefixes a search looks up: a hit on any of them is a match. */
export interface DirectoryQueries {
  units: string[];
  residents: string[];
}

/**
 * The index prefixes for what was typed. `3栋1502室` becomes `3-1502`, `A座` every unit of
 * building A (`a-`, U6), `Zhang San` `zhangsan`; `0755-8888` is both a unit-like text and a
 * number's start. R-CONFIDENTIAL: without `phones` (a role without `phone.unmask`) residents are
 * looked up by no prefix of digits only, so a number, whole or in part, finds nobody.
 */
export function directoryQueries(text: string, phones: boolean): DirectoryQueries {
  const trimmed = toHalfWidth(text.normalize('NFKC')).trim();
  const out = new Set<string>();
  const unit = unitQueryKey(trimmed);
  if (unit) out.add(compact(unit));
  out.add(compact(trimmed));
  if (PHONE_LIKE.test(trimmed)) out.add(trimmed.replace(/\D/g, '').replace(/^(\+?86|0086)(?=1)/, ''));
  const all = [...out].filter(Boolean);
  return { units: all, residents: phones ? all : all.filter((q) => !/^[\d\-+]+$/u.test(q)) };
}
