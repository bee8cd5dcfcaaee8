import { useState } from 'react';
import { Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IncomingView } from './IncomingView';
import { OutgoingView } from './OutgoingView';

type Tab = 'incoming' | 'outgoing';

/** 交接班 (issue 16): coming on duty (R-HANDOVER-READ) and leaving (R-HANDOVER-SIGN). */
export function HandoverScreen({ onOpenTicket, onOpenLeftovers }: { onOpenTicket?(id: string): void; onOpenLeftovers?(): void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('incoming');
  return (
    <Stack gap="sm" maw={960}>
      <Group justify="space-between">
        <Title order={3}>{t('handover.title')}</Title>
        <SegmentedControl value={tab} onChange={(v) => setTab(v as Tab)} data={[{ value: 'incoming', label: t('handover.tabs.incoming') }, { value: 'outgoing', label: t('handover.tabs.outgoing') }]} data-testid="handover-tabs" />
      </Group>
      {tab === 'incoming' ? <IncomingView onOpenLeftovers={onOpenLeftovers} /> : <OutgoingView onOpenTicket={onOpenTicket} onOpenLeftovers={onOpenLeftovers} />}
    </Stack>
  );
}
