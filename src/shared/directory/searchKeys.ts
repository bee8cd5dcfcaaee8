// Keys for the multiEntry `*searchKeys` index: a query is one prefix lookup (`startsWith`) on
// it, never a scan, so search stays fast on 20,000 residents. Every key is lower case, with
// no spaces; a query is normalised the same way (directoryQuery).
import { normaliseBuilding, normaliseRoom, parseUnitText, toHalfWidth, unitKey } from '../domain/units';
import { hasChinese, pinyinForms } from './pinyinKeys';

const MAX_KEYS = 40;
const PHONE_LIKE = /^[+\d\s\-()]{4,}$/;
const BUILDING_ONLY = /^[\p{L}\p{N}]+(栋|幢|座|号楼)$/u;

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
  } else {
    keys.push(...tails(toHalfWidth(text).toLowerCase().split(/[\s'’·.]+/u).filter(Boolean)));
  }
  return keys;
}

export interface ResidentKeySource {
  name: string;
  phoneNumbers: readonly { e164: string }[];
}

/** Name, name in pinyin and initials, and the national digits of each number. */
export function residentSearchKeys({ name, phoneNumbers }: ResidentKeySource): string[] {
  const keys = textKeys(name, true);
  for (const { e164 } of phoneNumbers) {
    // +86 numbers are searched as dialled at home: 13800138000 and 075588881234.
    const national = e164.startsWith('+86') ? e164.slice(3) : e164.slice(1);
    keys.push(national);
    if (e164.startsWith('+86') && !national.startsWith('1')) keys.push(`0${national}`);
  }
  return [...new Set(keys)].slice(0, MAX_KEYS);
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

/**
 * The index prefixes for what was typed; a hit on any of them is a match. `3栋1502室` becomes
 * `3-1502`, `Zhang San` `zhangsan`; `0755-8888` is both a unit-like text and a number's start.
 */
export function directoryQueries(text: string): string[] {
  const trimmed = toHalfWidth(text.normalize('NFKC')).trim();
  const out = new Set<string>();
  // Only text with a digit is a unit: `zhang san` would otherwise parse as building zhang, room san.
  if (/\d/.test(trimmed)) {
    const unit = parseUnitText(trimmed);
    if (unit) out.add(compact(unitKey(unit)));
    // `3栋` alone: every unit of the building.
    if (BUILDING_ONLY.test(trimmed)) out.add(`${compact(normaliseBuilding(trimmed))}-`);
  }
  out.add(compact(trimmed));
  if (PHONE_LIKE.test(trimmed)) out.add(trimmed.replace(/\D/g, '').replace(/^(\+?86|0086)(?=1)/, ''));
  return [...out].filter(Boolean);
}
