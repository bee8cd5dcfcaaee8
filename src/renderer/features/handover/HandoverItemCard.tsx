import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HANDOVER_LIMITS, HANDOVER_URGENCIES, type HandoverMark, type HandoverUrgency } from '@shared/shifts/handoverEvents';
import { isSettled, type HandoverItem } from '@shared/shifts/shiftLogFold';
import { formatDateTime } from '../../i18n/format';

interface Props {
  item: HandoverItem;
  nameOf(id: string | null | undefined): string;
  timeZone: string;
  /** Given when the person coming on duty works through the item (R-HANDOVER-READ). */
  onSort?(urgency: HandoverUrgency): void;
  onMark?(mark: HandoverMark, reason?: string): void;
  busy?: boolean;
  /** R-LEFTOVER: the item is in the leftover-issues file (a link there), or may be filed by hand while not "OK". */
  filed?: boolean;
  onFileLeftover?(): void;
  onOpenLeftovers?(): void;
}

const URGENCY_COLOR: Record<HandoverUrgency, string> = { urgent: 'red', normal: 'blue', notNow: 'gray' };

/** One line of the handover log: what was passed on, its sorting, its marks (red on paper: "OK", a reason). */
export function HandoverItemCard({ item, nameOf, timeZone, onSort, onMark, busy = false, filed = false, onFileLeftover, onOpenLeftovers }: Props) {
  const { t, i18n } = useTranslation();
  const [reasonOpen, setReasonOpen] = useState(false);
  const [reason, setReason] = useState('');
  const time = (ms: number) => formatDateTime(ms, timeZone, i18n.language);
  const settled = isSettled(item);
  const markText = (m: HandoverItem['marks'][number]) => {
    const values = { mark: t(`handover.item.mark.${m.mark}`), name: nameOf(m.by), time: time(m.at) };
    return m.reason ? t('handover.item.markedReason', { ...values, reason: m.reason }) : t('handover.item.marked', values);
  };
  return (
    <Card withBorder padding="sm" data-testid="handover-item" data-urgency={item.urgency ?? 'unsorted'} data-settled={settled ? 'yes' : 'no'}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={500} style={{ whiteSpace: 'pre-wrap' }} data-testid="handover-item-text">{item.text}</Text>
          <Badge color={item.urgency ? URGENCY_COLOR[item.urgency] : 'yellow'} variant={item.urgency ? 'filled' : 'outline'} style={{ flexShrink: 0 }}>
            {item.urgency ? t(`handover.item.urgency.${item.urgency}`) : t('handover.item.unsorted')}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {[t('handover.item.added', { name: nameOf(item.addedBy), time: time(item.addedAt) }), item.ticketNumber ? t('handover.item.ticket', { number: item.ticketNumber }) : '', item.sortedBy ? t('handover.item.sortedBy', { name: nameOf(item.sortedBy) }) : ''].filter(Boolean).join(' · ')}
        </Text>
        {item.marks.map((m, i) => <Text key={i} size="sm" c="red" fw={m.mark === 'ok' ? 700 : 500} data-testid="handover-item-mark">{markText(m)}</Text>)}
        {filed ? (
          <Text size="sm" data-testid="handover-item-leftover">
            {onOpenLeftovers ? <Anchor component="button" size="sm" onClick={onOpenLeftovers}>{t('handover.item.leftoverFiled')}</Anchor> : t('handover.item.leftoverFiled')}
          </Text>
        ) : null}
        {!filed && !settled && onFileLeftover ? (
          <Group gap={4}>
            <Button size="compact-sm" variant="default" disabled={busy} onClick={onFileLeftover} data-testid="handover-item-file-leftover">{t('handover.item.fileLeftover')}</Button>
          </Group>
        ) : null}
        {onSort && onMark && !settled ? (
          <Group gap="xs" justify="space-between">
            <Group gap={4}>
              {HANDOVER_URGENCIES.map((u) => (
                <Button key={u} size="compact-sm" color={URGENCY_COLOR[u]} variant={item.urgency === u ? 'filled' : 'light'} disabled={busy} title={t(`handover.item.urgencyHint.${u}`)} onClick={() => onSort(u)}>
                  {t(`handover.item.urgency.${u}`)}
                </Button>
              ))}
            </Group>
            <Group gap={4}>
              <Button size="compact-sm" color="red" disabled={busy || !item.urgency} title={item.urgency ? undefined : t('handover.item.sortFirst')} onClick={() => onMark('ok')}>{t('handover.item.mark.ok')}</Button>
              <Button size="compact-sm" variant="default" disabled={busy || !item.urgency} onClick={() => onMark('toManager')}>{t('handover.item.mark.toManager')}</Button>
              <Button size="compact-sm" variant="default" disabled={busy || !item.urgency} onClick={() => setReasonOpen((o) => !o)}>{t('handover.item.mark.notToday')}</Button>
            </Group>
          </Group>
        ) : null}
        {reasonOpen && onMark && !settled ? (
          <Group gap="xs" align="flex-end">
            <TextInput style={{ flex: 1 }} size="xs" label={t('handover.item.reason')} value={reason} maxLength={HANDOVER_LIMITS.reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button size="xs" color="red" disabled={busy || !reason.trim()} onClick={() => { onMark('notToday', reason.trim()); setReason(''); setReasonOpen(false); }}>{t('handover.item.reasonSave')}</Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
