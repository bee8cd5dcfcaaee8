import { useState } from 'react';
import { Button, Group, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { exportDirectory, type ExportFormat } from './directoryTransfer';
import { usePhoneContext } from './useDirectory';
import { downloadFile } from '../../components/downloadFile';

/** R-CONFIDENTIAL: shown only to staff with `phone.unmask` (the file holds full numbers); each export is logged. */
export function ExportButtons() {
  const { t } = useTranslation();
  const { db, store, staff } = useDesk();
  const context = usePhoneContext();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const file = await exportDirectory(db, store, format, context, staff.id, { sheetName: t('directory.export.sheetName'), baseName: t('directory.export.fileBaseName') });
      downloadFile(file.blob, file.fileName);
      notifications.show({ color: 'teal', message: t('directory.export.done', { count: file.residents }) });
    } catch {
      notifications.show({ color: 'red', message: t('directory.export.failed') });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Tooltip label={t('directory.export.hint')}>
      <Group gap="xs">
        <Button size="xs" variant="default" loading={busy === 'csv'} disabled={busy !== null} onClick={() => run('csv')}>{t('directory.export.csv')}</Button>
        <Button size="xs" variant="default" loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => run('xlsx')}>{t('directory.export.xlsx')}</Button>
      </Group>
    </Tooltip>
  );
}
