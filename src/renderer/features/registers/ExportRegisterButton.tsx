import { useState } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/domain/roles';
import type { RegisterId } from '@shared/registers/registerKinds';
import { useDesk } from '../../desk/DeskContext';
import { documentFileName } from './print/usePrint';
import { exportRegister, logRegisterExport } from './exportRegister';
import { downloadFile } from '../../components/downloadFile';
import { registerLabels } from './registerLabels';
import type { Span } from './registerQuery';

interface Props {
  register: RegisterId;
  span: Span;
  fileDates: string;
}

/** The register of the dates as an xlsx file named after the form and its dates; numbers masked per role (R-CONFIDENTIAL). */
export function ExportRegisterButton({ register, span, fileDates }: Props) {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const title = t(`registers.forms.${register}`);
      const unmasked = can(staff.role, 'phone.unmask');
      const file = await exportRegister(db, register, span, (names) => registerLabels({
        t, i18n, timeZone: station.timeZone, canUnmask: unmasked,
        phoneContext: { countryCode: station.countryCode, areaCode: station.areaCode }, staffNames: names, withYear: true,
      }), (column) => t(`registers.columns.${column}` as never), title);
      await logRegisterExport(store, staff.id, { register, from: span.start, to: span.end, rows: file.count, unmasked });
      downloadFile(file.blob, `${documentFileName(title, fileDates)}.xlsx`);
      notifications.show({ color: file.truncated ? 'yellow' : 'teal', message: file.truncated ? t('registers.truncated', { count: file.count }) : t('registers.exported', { count: file.count }) });
    } catch {
      notifications.show({ color: 'red', message: t('registers.exportFailed') });
    } finally {
      setBusy(false);
    }
  };
  return <Button size="xs" variant="default" loading={busy} onClick={() => void run()} data-testid="register-export">{t('registers.exportXlsx')}</Button>;
}
