// R-KEYS: the key register as the paper one files it (domain.md "Keys"): owners' keys by unit,
// common-area keys by floor/area, plant-room keys by equipment; each key with its state, who has
// it (the borrower while out, else the owner who deposited it) and since when. One shaping for the
// printout and the xlsx. Pure.
import { KEY_CATEGORIES, type KeyCategory } from '@shared/keys/keyEvents';
import type { KeyRow } from '@shared/keys/keyFold';

type Translate = (key: string, values?: Record<string, unknown>) => string;

export const KEY_SHEET_COLUMNS = ['filedUnder', 'label', 'state', 'who', 'since', 'purpose'] as const;

export interface KeyGroup {
  category: KeyCategory;
  /** One row of cells per key, in KEY_SHEET_COLUMNS order. */
  rows: { id: string; out: boolean; cells: string[] }[];
}

export type KeyState = 'out' | 'held' | 'withOwner' | 'notDeposited';

export function keyState(key: KeyRow): KeyState {
  if (key.out) return 'out';
  if (key.held) return 'held';
  return key.owner ? 'withOwner' : 'notDeposited';
}

/** Unit 3-902 before 3-1502, 2号水泵 before 10号水泵: as a person reads a filing cabinet. */
const byFiling = (a: KeyRow, b: KeyRow) => a.filedUnder.localeCompare(b.filedUnder, 'zh-CN', { numeric: true }) || a.label.localeCompare(b.label, 'zh-CN', { numeric: true });

export function keyGroups(keys: readonly KeyRow[], t: Translate, time: (ms: number) => string): KeyGroup[] {
  return KEY_CATEGORIES.map((category) => ({
    category,
    rows: keys.filter((k) => k.category === category).sort(byFiling).map((k) => {
      const state = keyState(k);
      const who = k.loan?.borrower ?? k.owner ?? '';
      const since = k.loan ? k.loan.at : k.lastAt;
      const purpose = k.loan ? `${t(`keys.form.purposes.${k.loan.purpose}`)} · ${k.loan.purposeText}` : '';
      return { id: k.id, out: state === 'out', cells: [k.filedUnder, k.label, t(`keys.print.state.${state}`), who, time(since), purpose] };
    }),
  })).filter((g) => g.rows.length > 0);
}

/** The xlsx: the category first on every row (a spreadsheet is sorted and filtered, not read in sections). */
export function keySheetRows(groups: readonly KeyGroup[], t: Translate): string[][] {
  const header = [t('keys.columns.category'), ...KEY_SHEET_COLUMNS.map((c) => t(`keys.print.columns.${c}`))];
  return [header, ...groups.flatMap((g) => g.rows.map((r) => [t(`keys.categories.${g.category}`), ...r.cells]))];
}
