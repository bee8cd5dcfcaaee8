import { Alert, Button, FileInput, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { ImportPreviewTable } from './ImportPreviewTable';
import { useImportWizard } from './useImportWizard';

const VALID_ROWS_SHOWN = 50;

export function ImportWizard({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { state, choose, choosePhones, confirm, reset } = useImportWizard();

  if (state.step === 'done') {
    return (
      <Stack>
        <Alert color="teal" data-testid="import-done">{t('directory.import.done', { ...state.counts })}</Alert>
        <Group justify="flex-end"><Button onClick={onClose}>{t('common.close')}</Button></Group>
      </Stack>
    );
  }

  if (state.step === 'preview') {
    const { preview, saving, removals, choices } = state;
    const total = preview.validCount + preview.invalidCount;
    return (
      <Stack>
        <Text>{t('directory.import.summary', { total, valid: preview.validCount, invalid: preview.invalidCount })}</Text>
        <Text size="sm" c="dimmed">{t('directory.import.headerRow', { row: preview.headerRowNumber })}</Text>
        {preview.map.ignored.length > 0 ? <Text size="sm" c="dimmed">{t('directory.import.ignoredColumns', { columns: preview.map.ignored.join('、') })}</Text> : null}
        {preview.invalidCount > 0 ? <Alert color="red" data-testid="import-has-errors">{t('directory.import.hasErrors')}</Alert> : null}
        {removals.size > 0 ? (
          <Alert color="orange" data-testid="import-phone-removals">
            <Stack gap="xs">
              <Text size="sm">{t('directory.import.phonesDiffer', { count: removals.size })}</Text>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => choosePhones(null, 'keep')}>{t('directory.import.keepAll')}</Button>
                <Button size="xs" variant="default" onClick={() => choosePhones(null, 'replace')}>{t('directory.import.replaceAll')}</Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        <ImportPreviewTable rows={preview.rows} map={preview.map} validShown={VALID_ROWS_SHOWN} removals={removals} choices={choices} onChoose={choosePhones} />
        {preview.validCount > VALID_ROWS_SHOWN ? <Text size="xs" c="dimmed">{t('directory.import.showingFirst', { count: VALID_ROWS_SHOWN })}</Text> : null}
        {state.saveError ? <SaveErrorAlert error={state.saveError} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>{t('directory.import.cancel')}</Button>
          <Button variant="default" onClick={reset} disabled={saving}>{t('directory.import.chooseAnother')}</Button>
          {preview.invalidCount > 0 && preview.validCount > 0 ? (
            <Button color="orange" loading={saving} onClick={() => confirm('validOnly')}>{t('directory.import.importValid', { count: preview.validCount })}</Button>
          ) : null}
          <Button loading={saving} disabled={preview.invalidCount > 0} onClick={() => confirm('all')}>{t('directory.import.importAll')}</Button>
        </Group>
      </Stack>
    );
  }

  const problem = state.step === 'choose' ? state.problem : undefined;
  const missing = problem?.missing?.map((f) => t(`directory.import.fields.${f}`)).join('、') ?? '';
  return (
    <Stack>
      <FileInput label={t('directory.import.fileLabel')} description={t('directory.import.fileHint')} accept=".xlsx,.csv,.txt" clearable onChange={choose} data-autofocus />
      {state.step === 'reading' ? <Group gap="xs"><Loader size="sm" /><Text>{t('directory.import.reading')}</Text></Group> : null}
      {problem ? (
        <Alert color="red" role="alert" data-testid="import-problem">
          {problem.code === 'hasErrors' || problem.code === 'nothingToImport'
            ? t(`directory.import.planProblem.${problem.code}`)
            : t(`directory.import.fileProblem.${problem.code}`, { missing })}
        </Alert>
      ) : null}
      <Group justify="flex-end"><Button variant="default" onClick={onClose}>{t('directory.import.cancel')}</Button></Group>
    </Stack>
  );
}
