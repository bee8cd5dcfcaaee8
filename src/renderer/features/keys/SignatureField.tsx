import { NativeSelect, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { byPinyin } from '@shared/staff/staffNames';
import type { DeskDatabase } from '../../db/database';
import { SignaturePad } from './SignaturePad';

/** What the person signing gave: a drawing, or a staff member's PIN (checked on submit). */
export type SignatureInput = { mode: 'drawn'; png: string | null } | { mode: 'pin'; staffId: string; pin: string };

/** R-KEYS: a resident draws; a staff member (a technician on the staff list) signs with their PIN on this station. */
export function SignatureField({ db, value, onChange }: { db: DeskDatabase; value: SignatureInput; onChange(value: SignatureInput): void }) {
  const { t } = useTranslation();
  const staff = useLiveQuery(async () => byPinyin(await db.staff.filter((s) => s.active === 1).toArray()), [db]);
  const firstStaff = staff?.[0]?.id ?? '';
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>{t('keys.signature.title')}</Text>
      <SegmentedControl
        value={value.mode}
        onChange={(mode) => onChange(mode === 'pin' ? { mode: 'pin', staffId: firstStaff, pin: '' } : { mode: 'drawn', png: null })}
        data={[{ value: 'drawn', label: t('keys.signature.drawn') }, { value: 'pin', label: t('keys.signature.pin') }]}
        data-testid="signature-mode"
      />
      {value.mode === 'drawn' ? (
        <SignaturePad onChange={(png) => onChange({ mode: 'drawn', png })} />
      ) : (
        <>
          <NativeSelect
            label={t('keys.signature.who')}
            value={value.staffId || firstStaff}
            onChange={(e) => onChange({ ...value, staffId: e.currentTarget.value })}
            data={(staff ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${t(`common.roles.${s.role}`)}` }))}
          />
          <PasswordInput label={t('keys.signature.pinLabel')} value={value.pin} onChange={(e) => onChange({ ...value, pin: e.currentTarget.value })} inputMode="numeric" autoComplete="off" maxLength={12} />
        </>
      )}
    </Stack>
  );
}
