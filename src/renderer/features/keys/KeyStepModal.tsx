import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IDENTITY_CHECKS, KEY_DEPOSITED, KEY_LENT, KEY_RETURNED, type LendPurpose } from '@shared/keys/keyEvents';
import type { KeyRow } from '@shared/keys/keyFold';
import { useDesk } from '../../desk/DeskContext';
import { takeKeyStep } from './keyCommands';
import { keyErrorText, resolveSignature } from './keySigning';
import { SignatureField, type SignatureInput } from './SignatureField';

export type KeyStepKind = 'deposit' | 'lend' | 'return' | 'toOwner';

/** R-KEYS: deposit (the owner signs), lend (identity and purpose checked, the borrower signs), return (the borrower or the owner signs again). */
export function KeyStepModal({ keyRow, kind, onClose }: { keyRow: KeyRow; kind: KeyStepKind; onClose(): void }) {
  const { t } = useTranslation();
  const { db, store, staff } = useDesk();
  const [name, setName] = useState(kind === 'return' ? (keyRow.loan?.borrower ?? '') : kind === 'toOwner' ? (keyRow.owner ?? '') : '');
  const [identity, setIdentity] = useState<(typeof IDENTITY_CHECKS)[number]>(keyRow.category === 'owner' ? 'knownResident' : 'staffCard');
  const [purpose, setPurpose] = useState<LendPurpose>(keyRow.category === 'owner' ? 'owner' : 'work');
  const [purposeText, setPurposeText] = useState('');
  const [signature, setSignatureInput] = useState<SignatureInput>({ mode: 'drawn', png: null });
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // What was refused is out of date once the person changes what they gave.
  const setSignature = (value: SignatureInput) => {
    setSignatureInput(value);
    setMessage(null);
  };
  const tx = t as unknown as (key: string, values?: Record<string, unknown>) => string;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (!name.trim() || (kind === 'lend' && !purposeText.trim())) return setMessage(t('keys.form.required'));
    setBusy(true);
    try {
      const signed = await resolveSignature(db, store, signature, tx);
      if (!signed.ok) return setMessage(signed.message);
      const actor = { id: staff.id, role: staff.role };
      const at = Date.now();
      if (kind === 'deposit') await takeKeyStep(db, store, keyRow.id, KEY_DEPOSITED, { at, owner: name, signature: signed.signature }, actor, at);
      else if (kind === 'lend') await takeKeyStep(db, store, keyRow.id, KEY_LENT, { at, borrower: name, identity, purpose, purposeText, signature: signed.signature }, actor, at);
      else await takeKeyStep(db, store, keyRow.id, KEY_RETURNED, { at, kind: kind === 'return' ? 'borrowed' : 'toOwner', by: name, signature: signed.signature }, actor, at);
      onClose();
    } catch (error) {
      setMessage(keyErrorText(tx, error));
    } finally {
      setBusy(false);
    }
  };

  const nameLabel = { deposit: t('keys.form.owner'), lend: t('keys.form.borrower'), return: t('keys.form.by'), toOwner: t('keys.form.byOwner') }[kind];
  return (
    <Modal opened onClose={onClose} size="lg" title={t(`keys.titles.${kind}`, { label: keyRow.label })} data-testid="key-step-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">{t(`keys.categories.${keyRow.category}`)} · {keyRow.filedUnder}</Text>
          <TextInput label={nameLabel} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={40} required data-autofocus />
          {kind === 'lend' ? (
            <>
              <NativeSelect label={t('keys.form.identity')} value={identity} onChange={(e) => setIdentity(e.currentTarget.value as typeof identity)} data={IDENTITY_CHECKS.map((v) => ({ value: v, label: t(`keys.form.identities.${v}`) }))} />
              <div>
                <Text size="sm" fw={500} mb={4}>{t('keys.form.purpose')}</Text>
                <SegmentedControl value={purpose} onChange={(v) => { setPurpose(v as LendPurpose); setMessage(null); }} data={(['work', 'owner', 'other'] as const).map((v) => ({ value: v, label: t(`keys.form.purposes.${v}`) }))} data-testid="key-purpose" />
                {keyRow.category !== 'owner' ? <Text size="xs" c="dimmed" mt={4}>{t('keys.form.workOnly')}</Text> : null}
              </div>
              <TextInput label={t('keys.form.purposeText')} value={purposeText} onChange={(e) => setPurposeText(e.currentTarget.value)} maxLength={200} required />
            </>
          ) : null}
          <SignatureField db={db} value={signature} onChange={setSignature} />
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
