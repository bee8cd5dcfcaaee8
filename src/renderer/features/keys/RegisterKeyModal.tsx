import { useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { KEY_CATEGORIES, type KeyCategory } from '@shared/keys/keyEvents';
import { useDesk } from '../../desk/DeskContext';
import { registerKey } from './keyCommands';
import { keyErrorText } from './keySigning';

/** R-KEYS: a key labelled and filed: an owner's by unit, a common area's by floor/area, a plant room's by equipment. */
export function RegisterKeyModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { db, store, staff } = useDesk();
  const [category, setCategory] = useState<KeyCategory>('owner');
  const [label, setLabel] = useState('');
  const [filedUnder, setFiledUnder] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!label.trim() || !filedUnder.trim()) return setMessage(t('keys.form.required'));
    setBusy(true);
    try {
      const at = Date.now();
      await registerKey(db, store, { at, label, category, filedUnder, ...(note.trim() ? { note } : {}) }, { id: staff.id, role: staff.role }, at);
      onClose();
    } catch (error) {
      setMessage(keyErrorText(t as unknown as (key: string) => string, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('keys.titles.register')} data-testid="register-key-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Text size="sm" fw={500} mb={4}>{t('keys.form.category')}</Text>
            <SegmentedControl fullWidth value={category} onChange={(v) => setCategory(v as KeyCategory)} data={KEY_CATEGORIES.map((c) => ({ value: c, label: t(`keys.categories.${c}`) }))} data-testid="key-category" />
          </div>
          <TextInput label={t(`keys.filedUnder.${category}`)} value={filedUnder} onChange={(e) => setFiledUnder(e.currentTarget.value)} maxLength={60} required data-autofocus />
          <TextInput label={t('keys.form.label')} description={t('keys.form.labelHint')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} maxLength={40} required />
          <TextInput label={t('keys.form.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} />
          {message ? <Alert color="red" role="alert">{message}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('keys.form.cancel')}</Button>
            <Button type="submit" loading={busy}>{t('keys.form.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
