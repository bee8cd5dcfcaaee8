// Column headings of the resident list (客户状况一览表) as offices really write them, in Chinese
// and English. A heading is compared without spaces, case, full-width forms and any bracketed
// hint, so `身份(业主/租户/家属)` and `电话（手机）` are recognised.
import { toHalfWidth } from '../../domain/units';

export const IMPORT_FIELDS = ['building', 'room', 'unit', 'floor', 'name', 'relation', 'phone', 'notes', 'unitNotes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const SYNONYMS: Record<ImportField, readonly string[]> = {
  building: ['楼号', '栋', '栋号', '楼栋', '楼栋号', '楼宇', '楼座', '座', '座号', '幢', '幢号', '楼', 'building', 'bldg', 'block', 'tower'],
  room: ['房号', '房间号', '房间', '室', '室号', '门牌号', '房号室号', 'room', 'roomno', 'roomnumber', 'flat', 'apartment', 'apt'],
  unit: ['房屋', '房屋编号', '房产编号', '房屋名称', '楼号房号', '楼栋房号', '栋房号', 'unit', 'unitkey', 'unitno'],
  floor: ['楼层', '层', '层数', 'floor', 'level'],
  name: ['姓名', '名字', '业主姓名', '住户姓名', '客户姓名', '客户名称', '联系人', 'name', 'residentname', 'fullname'],
  relation: ['身份', '关系', '类别', '类型', '住户类型', '客户类型', '住户身份', '与业主关系', 'relation', 'relationship', 'role', 'type'],
  phone: ['电话', '手机', '手机号', '手机号码', '联系电话', '电话号码', '固话', '固定电话', '座机', '家庭电话', '办公电话', '联系方式', 'phone', 'phones', 'mobile', 'tel', 'telephone', 'phonenumber'],
  notes: ['备注', '说明', '特殊情况', '备注说明', '住户备注', 'notes', 'note', 'remarks', 'remark', 'comment', 'comments'],
  unitNotes: ['房屋备注', '单元备注', '房间备注', 'unitnotes', 'unitnote'],
};

const LOOKUP = new Map<string, ImportField>(
  Object.entries(SYNONYMS).flatMap(([field, names]) => names.map((name) => [name, field as ImportField] as const)),
);

export function headingKey(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|（.*?）|【.*?】/gu, '')
    .replace(/[\s_*:：.#/-]/gu, '');
}

/** Column index per field; only `phone` may have several columns (手机 and 固话 side by side). */
export interface HeaderMap {
  columns: Partial<Record<Exclude<ImportField, 'phone'>, number>>;
  phoneColumns: number[];
  /** Headings that mean nothing to the importer, shown in the preview as skipped. */
  ignored: string[];
}

export function mapHeaders(row: readonly string[]): HeaderMap {
  const map: HeaderMap = { columns: {}, phoneColumns: [], ignored: [] };
  row.forEach((heading, index) => {
    const field = LOOKUP.get(headingKey(heading));
    if (field === 'phone') map.phoneColumns.push(index);
    else if (field && map.columns[field] === undefined) map.columns[field] = index;
    else if (heading.trim()) map.ignored.push(heading.trim());
  });
  return map;
}

/** The fields a resident list cannot do without: a unit (building and room, or one unit column) and a name. */
export function missingFields(map: HeaderMap): ImportField[] {
  const missing: ImportField[] = [];
  const { building, room, unit, name } = map.columns;
  if (unit === undefined) {
    if (building === undefined) missing.push('building');
    if (room === undefined) missing.push('room');
  }
  if (name === undefined) missing.push('name');
  return missing;
}

const HEADER_SEARCH_ROWS = 10;

export interface HeaderFound {
  ok: true;
  headerIndex: number;
  map: HeaderMap;
}

/** Lists often open with a title row (XX花园客户状况一览表): the header is the first row that maps. */
export function findHeader(rows: readonly string[][]): HeaderFound | { ok: false; missing: ImportField[] } {
  let best: ImportField[] | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const map = mapHeaders(rows[i]!);
    const missing = missingFields(map);
    if (missing.length === 0) return { ok: true, headerIndex: i, map };
    if (!best || missing.length < best.length) best = missing;
  }
  return { ok: false, missing: best ?? ['building', 'room', 'name'] };
}
