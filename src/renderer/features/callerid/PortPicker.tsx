import { useCallback, useEffect, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/DeskContext';

/** The serial ports the system lists (USB adapters, COM ports); one click fills the path. */
export function PortPicker({ onPick, disabled }: { onPick(path: string): void; disabled: boolean }) {
  const { t } = useTranslation();
  const { bridge } = useDesk();
  const [ports, setPorts] = useState<{ path: string; manufacturer: string | null }[] | null>(null);
  const refresh = useCallback(() => {
    void bridge.invoke('callerId:listPorts').then(setPorts).catch(() => setPorts([]));
  }, [bridge]);
  useEffect(refresh, [refresh]);
  return (
    <Group gap="xs">
      <Text size="sm">{t('callerId.settings.ports')}:</Text>
      {ports && ports.length === 0 ? <Text size="sm" c="dimmed">{t('callerId.settings.noPorts')}</Text> : null}
      {(ports ?? []).map((p) => (
        <Button key={p.path} size="compact-sm" variant="light" disabled={disabled} onClick={() => onPick(p.path)}>
          {p.manufacturer ? `${p.path} · ${p.manufacturer}` : p.path}
        </Button>
      ))}
      <Button size="compact-sm" variant="subtle" onClick={refresh}>{t('callerId.settings.refresh')}</Button>
    </Group>
  );
}
