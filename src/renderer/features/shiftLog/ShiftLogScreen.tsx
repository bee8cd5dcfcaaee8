import { useState } from 'react';
import { Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DayReportView } from './DayReportView';
import { ShiftLogView } from './ShiftLogView';

/** Issue 16: the shift log with the supervisor's review (R-MORNING-REVIEW), and the daily report (R-DAILY-REPORT). */
export function ShiftLogScreen({ onOpenTicket }: { onOpenTicket(id: string): void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'log' | 'report'>('log');
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t(`shiftLog.tabs.${tab}`)}</Title>
        <SegmentedControl value={tab} onChange={(v) => setTab(v as 'log' | 'report')} data={[{ value: 'log', label: t('shiftLog.tabs.log') }, { value: 'report', label: t('shiftLog.tabs.report') }]} data-testid="shift-log-tab" />
      </Group>
      {tab === 'log' ? <ShiftLogView onOpenTicket={onOpenTicket} /> : <DayReportView />}
    </Stack>
  );
}
