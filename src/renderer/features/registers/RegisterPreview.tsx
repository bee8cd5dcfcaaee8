import { useEffect, useState } from 'react';
import { Alert, Button, Group, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegisterId } from '@shared/registers/registerKinds';
import type { Ticket } from '@shared/tickets/ticketFold';
import { useDesk } from '../../desk/DeskContext';
import { PaperPreview, PrintSheet } from './print/PrintSheet';
import { RegisterSheet } from './print/RegisterSheet';
import { documentFileName, usePrint } from './print/usePrint';
import { readWholeRegister, REGISTER_MAX_ROWS, staffNames, type Span } from './registerQuery';
import { useRegisterTable } from './useRegisterRows';

interface Props {
  register: RegisterId;
  span: Span;
  /** The date line of the form, and the dates in the PDF's name. */
  dates: string;
  fileDates: string;
  onBack(): void;
}

const NO_NAMES = new Map<string, string>();

interface Whole {
  tickets: Ticket[];
  names: Map<string, string>;
  truncated: boolean;
}

/** The whole register of the dates as the paper form, on screen and (only it) on paper. */
export function RegisterPreview({ register, span, dates, fileDates, onBack }: Props) {
  const { t } = useTranslation();
  const { db, station } = useDesk();
  const { print, busy } = usePrint();
  const [whole, setWhole] = useState<Whole | null>(null);
  useEffect(() => {
    let current = true;
    void readWholeRegister(db, register, span).then(async ({ tickets, truncated }) => {
      const names = await staffNames(db, tickets);
      if (current) setWhole({ tickets, names, truncated });
    });
    return () => {
      current = false;
    };
  }, [db, register, span]);
  const table = useRegisterTable(register, whole?.tickets ?? [], whole?.names ?? NO_NAMES);
  const title = t(`registers.forms.${register}`);
  if (!whole) return <Loader size="sm" />;
  const sheet = <RegisterSheet estate={station.estateName} title={title} dates={dates} headers={table.headers} rows={table.rows} nowrap={table.nowrap} wide={table.wide} />;
  return (
    <>
      <Group mb="sm">
        <Button variant="default" onClick={onBack}>{t('registers.backToList')}</Button>
        <Button loading={busy} onClick={() => void print(documentFileName(title, fileDates), true)} data-testid="register-print">{t('registers.print')}</Button>
      </Group>
      {whole.truncated ? <Alert color="yellow" mb="sm">{t('registers.truncated', { count: REGISTER_MAX_ROWS })}</Alert> : null}
      <PaperPreview orientation="landscape">{sheet}</PaperPreview>
      <PrintSheet orientation="landscape">{sheet}</PrintSheet>
    </>
  );
}
