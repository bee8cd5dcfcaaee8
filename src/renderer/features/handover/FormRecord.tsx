import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DutyRow } from '@shared/shifts/dutyFold';
import type { ShiftLogRow } from '@shared/shifts/shiftLogFold';
import { useDesk } from '../../desk/DeskContext';
import { PaperPreview } from '../registers/print/PrintSheet';
import { TransferFormSheet } from './TransferFormSheet';
import { nameOf, useStaffList } from './useHandoverData';

/** The form a shift was handed over with, as it stays in the log: read-only, with its signatures. */
export function FormRecord({ log, duty, shiftLabel }: { log: ShiftLogRow; duty: DutyRow | null | undefined; shiftLabel: string }) {
  const { t } = useTranslation();
  const { station } = useDesk();
  const staff = useStaffList();
  if (!log.form) return null;
  const signed = duty?.forms.find((f) => f.formId === log.form?.formId);
  return (
    <Stack gap="xs" data-testid="form-record">
      <Title order={5}>{t('handover.form.title')}</Title>
      <PaperPreview orientation="portrait">
        <TransferFormSheet estate={station.estateName} shiftLabel={shiftLabel} form={log.form} nameOf={(id) => nameOf(staff, id)} signatures={{ outgoingAt: signed?.outgoingSignedAt, incomingAt: signed?.incomingSignedAt }} timeZone={station.timeZone} />
      </PaperPreview>
    </Stack>
  );
}
