import { Alert, Button, Group, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { writeXlsx } from '@shared/directory/sheet/writeSheet';
import { dayOf } from '@shared/registers/registerRange';
import { shiftStream } from '@shared/shifts/reviewEvents';
import { shiftAt } from '@shared/shifts/shiftPlan';
import { downloadFile } from '../../components/downloadFile';
import { useDesk } from '../../desk/DeskContext';
import { useNow } from '../../desk/useNow';
import { formatDateTime } from '../../i18n/format';
import { PaperPreview, PrintSheet } from '../registers/print/PrintSheet';
import { documentFileName, usePrint } from '../registers/print/usePrint';
import { logExport } from '../shiftLog/reviewCommands';
import { useShiftPlan } from '../shiftLog/useShiftPlan';
import { KEY_REGISTER_LIMIT, readWholeKeyRegister } from './keyQueries';
import { KeyRegisterSheet } from './KeyRegisterSheet';
import { keyGroups, keySheetRows } from './keyRegisterSheet';

/**
 * R-KEYS: the register as printed (A4, as the registers print) and as an xlsx file. It carries
 * owners' and borrowers' names, so an export is logged on the running shift's stream before the
 * file leaves (R-CONFIDENTIAL), as the shift log's export is.
 */
export function KeyRegisterPrint({ onBack }: { onBack(): void }) {
  const { t, i18n } = useTranslation();
  const { db, store, station, staff } = useDesk();
  const plan = useShiftPlan(db);
  const { print, busy } = usePrint();
  const register = useLiveQuery(() => readWholeKeyRegister(db), [db]);
  const now = useNow(60_000);
  if (!register) return <Loader size="sm" />;
  const when = (ms: number) => formatDateTime(ms, station.timeZone, i18n.language);
  const groups = keyGroups(register.keys, t as never, when);
  const outCount = register.keys.filter((k) => k.out).length;
  const fileName = documentFileName(t('keys.title'), dayOf(now, station.timeZone));
  const runExport = async () => {
    try {
      const rows = keySheetRows(groups, t as never);
      const blob = await writeXlsx(rows, t('keys.title').slice(0, 31));
      const shift = shiftAt(plan, station.timeZone, Date.now());
      await logExport(store, staff.id, shiftStream(shift.day, shift.shift.id), shift.startsAt, 'keys', rows.length - 1);
      downloadFile(blob, `${fileName}.xlsx`);
      notifications.show({ color: 'teal', message: t('keys.print.exported', { count: rows.length - 1 }) });
    } catch {
      notifications.show({ color: 'red', message: t('keys.print.exportFailed') });
    }
  };
  const sheet = <KeyRegisterSheet estate={station.estateName} printedAt={t('keys.print.printedAt', { time: when(now) })} groups={groups} total={register.keys.length} out={outCount} />;
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" onClick={onBack}>{t('keys.print.back')}</Button>
        <Button loading={busy} onClick={() => void print(fileName, false)} data-testid="key-register-print">{t('keys.print.print')}</Button>
        <Button variant="default" onClick={() => void runExport()} data-testid="key-register-export">{t('keys.print.exportXlsx')}</Button>
      </Group>
      {register.truncated ? <Alert color="yellow" p="xs">{t('keys.print.truncated', { count: KEY_REGISTER_LIMIT })}</Alert> : null}
      <PaperPreview orientation="portrait">{sheet}</PaperPreview>
      <PrintSheet orientation="portrait">{sheet}</PrintSheet>
    </Stack>
  );
}
