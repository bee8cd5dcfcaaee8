// The import wizard's steps: choose a file → preview with per-row problems → import all, only
// the valid rows, or cancel. Nothing is saved before the user picks an import button.
import { useState } from 'react';
import type { ImportField } from '@shared/directory/sheet/importHeaders';
import { phoneRemovals, type ImportCounts, type ImportMode, type PhoneChoice } from '@shared/directory/sheet/importPlan';
import type { PhoneNumber } from '@shared/directory/phone/phoneTypes';
import { previewImport, type ImportPreview } from '@shared/directory/sheet/importPreview';
import { readSpreadsheet } from '@shared/directory/sheet/readSpreadsheet';
import type { FileProblem } from '@shared/directory/sheet/sheetTypes';
import { useDesk } from '../../desk/DeskContext';
import { existingFor, importDirectory } from './directoryTransfer';
import { usePhoneContext } from './useDirectory';

export type WizardState =
  | { step: 'choose'; problem?: { code: FileProblem | 'hasErrors' | 'nothingToImport'; missing?: ImportField[] } }
  | { step: 'reading' }
  | {
    step: 'preview'; fileName: string; preview: ImportPreview; saving: boolean; saveError?: unknown;
    /** U2: per row number, the numbers the directory has that the row lacks; and keep or replace for each. */
    removals: ReadonlyMap<number, PhoneNumber[]>; choices: ReadonlyMap<number, PhoneChoice>;
  }
  | { step: 'done'; counts: ImportCounts };

export function useImportWizard() {
  const { db, store, staff } = useDesk();
  const context = usePhoneContext();
  const [state, setState] = useState<WizardState>({ step: 'choose' });

  const choose = async (file: File | null) => {
    if (!file) return setState({ step: 'choose' });
    setState({ step: 'reading' });
    const sheet = await readSpreadsheet(await file.arrayBuffer(), file.name);
    if (!sheet.ok) return setState({ step: 'choose', problem: { code: sheet.problem } });
    const result = previewImport(sheet.rows, context);
    if (!result.ok) return setState({ step: 'choose', problem: { code: result.problem, missing: result.missing } });
    const removals = phoneRemovals(result.preview, await existingFor(db, result.preview));
    setState({ step: 'preview', fileName: file.name, preview: result.preview, saving: false, removals, choices: new Map() });
  };

  /** One row's choice, or every row's when `row` is null. */
  const choosePhones = (row: number | null, choice: PhoneChoice) => {
    if (state.step !== 'preview') return;
    const choices = new Map(state.choices);
    for (const n of row === null ? state.removals.keys() : [row]) choices.set(n, choice);
    setState({ ...state, choices });
  };

  const confirm = async (mode: ImportMode) => {
    if (state.step !== 'preview') return;
    setState({ ...state, saving: true, saveError: undefined });
    try {
      const plan = await importDirectory(db, store, state.preview, mode, staff.id, state.choices);
      setState(plan.ok ? { step: 'done', counts: plan.counts } : { step: 'choose', problem: { code: plan.problem } });
    } catch (error) {
      // The form keeps the preview: a failed save loses nothing (bad input never loses what was typed).
      setState({ ...state, saving: false, saveError: error });
    }
  };

  return { state, choose, choosePhones, confirm, reset: () => setState({ step: 'choose' }) };
}
