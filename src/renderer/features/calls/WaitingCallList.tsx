import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';
import { formatTime } from '../../i18n/format';
import type { IncomingCall } from './callCommands';
import { CallerNumber } from './CallerNumber';

interface Props {
  waiting: IncomingCall[];
  shownId: string;
  onShow(callId: string): void;
  onDismiss(callId: string): void;
}

/** U19: every call still waiting, newest on top; each can be shown (then taken) or dismissed. */
export function WaitingCallList({ waiting, shownId, onShow, onDismiss }: Props) {
  const { t, i18n } = useTranslation();
  const { station } = useDesk();
  return (
    <Stack gap={4} data-testid="waiting-calls">
      <Text fw={600} c="red">{t('calls.waiting', { count: waiting.length })}</Text>
      {waiting.map((c) => (
        <Paper key={c.callId} withBorder p={6} bg={c.callId === shownId ? 'blue.0' : undefined} data-testid="waiting-call" data-shown={c.callId === shownId}>
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Text size="sm">{formatTime(c.call.at, station.timeZone, i18n.language)}</Text>
              <CallerNumber incoming={c} size="sm" />
              {c.matches[0] ? <Badge variant="light">{c.matches.map((m) => m.unit.key).join(', ')}</Badge> : null}
            </Group>
            <Group gap="xs" wrap="nowrap">
              {c.callId === shownId ? <Text size="sm" c="dimmed">{t('calls.shown')}</Text> : (
                <Button size="compact-sm" variant="light" onClick={() => onShow(c.callId)}>{t('calls.show')}</Button>
              )}
              <Button size="compact-sm" variant="default" onClick={() => onDismiss(c.callId)}>{t('calls.noRequest')}</Button>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
