import { useState } from 'react';
import { Button, Group, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { HANDOVER_LIMITS } from '@shared/shifts/handoverEvents';
import type { Translate } from '../ticket/timelineText';
import { useDesk } from '../../desk/DeskContext';
import { passOnItem, type ShiftRef } from './handoverCommands';
import { handoverErrorText } from './handoverErrors';

/** R-HANDOVER-READ step 6: an item for the next shift, written as it happens. */
export function PassOnItemForm({ shift }: { shift: ShiftRef }) {
  const { t } = useTranslation();
  const { db, store, staff } = useDesk();
  const [text, setText] = useState('');
  const [number, setNumber] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    try {
      await passOnItem(db, store, shift, { text, ...(number.trim() ? { ticketNumber: number.trim() } : {}) }, staff.id);
      setText('');
      setNumber('');
    } catch (error) {
      notifications.show({ color: 'red', message: handoverErrorText(t as unknown as Translate, error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} data-testid="pass-on-form">
      <Group align="flex-end" gap="xs">
        <Textarea style={{ flex: 1 }} label={t('handover.outgoing.itemText')} value={text} maxLength={HANDOVER_LIMITS.itemText} autosize minRows={1} maxRows={4} onChange={(e) => setText(e.currentTarget.value)} />
        <TextInput w={180} label={t('handover.outgoing.ticketNumber')} value={number} maxLength={32} onChange={(e) => setNumber(e.currentTarget.value)} />
        <Button type="submit" loading={busy} disabled={!text.trim()}>{t('handover.outgoing.add')}</Button>
      </Group>
    </form>
  );
}
