import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { DutyRow } from '@shared/shifts/dutyFold';
import { HANDOVER_LIMITS } from '@shared/shifts/handoverEvents';
import type { ShiftLogRow } from '@shared/shifts/shiftLogFold';
import { SignatureModal } from '../../components/SignatureModal';
import { useDesk } from '../../desk/DeskContext';
import type { Translate } from '../ticket/timelineText';
import { PaperPreview, PrintSheet } from '../registers/print/PrintSheet';
import { documentFileName, usePrint } from '../registers/print/usePrint';
import { signAsIncoming, signAsOutgoing, type ShiftRef } from './handoverCommands';
import { handoverErrorText } from './handoverErrors';
import { TransferFormSheet } from './TransferFormSheet';
import { useFormDraft } from './useFormDraft';
import { nameOf, useStaffList } from './useHandoverData';

interface Props {
  shift: ShiftRef;
  shiftLabel: string;
  log: ShiftLogRow | null;
  duty: DutyRow | null;
}

/**
 * R-HANDOVER-SIGN, leaving: the work-transfer form filled from the data, the outgoing person's PIN
 * (the form goes into the log with it), then the incoming person's; once both signed, read-only.
 */
export function TransferFormPanel({ shift, shiftLabel, log, duty }: Props) {
  const { t } = useTranslation();
  const { db, store, station, staff: me, lock } = useDesk();
  const staff = useStaffList();
  const active = staff.filter((s) => s.active === 1);
  const { draft, prepare, change, close, loading } = useFormDraft(shift);
  const { print, busy: printing } = usePrint();
  const [signing, setSigning] = useState<'outgoing' | 'incoming' | null>(null);
  const who = (id: string) => nameOf(staff, id);
  const form = log?.form;
  const signed = form ? duty?.forms.find((f) => f.formId === form.formId) : undefined;
  const bothSigned = signed?.outgoingSignedAt !== undefined && signed.incomingSignedAt !== undefined;
  const signatures = { outgoingAt: signed?.outgoingSignedAt, incomingAt: signed?.incomingSignedAt };
  const fileName = documentFileName(t('handover.form.title'), shiftLabel);
  const errorText = (error: unknown) => handoverErrorText(t as unknown as Translate, error);

  if (draft) {
    const content = { ...draft.lists, at: draft.at, outgoing: me.id, incoming: draft.incoming, equipment: draft.equipment, notes: draft.notes };
    return (
      <Stack gap="sm" data-testid="transfer-form-editor">
        <Title order={4}>{t('handover.form.title')}</Title>
        <Group align="flex-start" grow>
          <NativeSelect label={t('handover.form.incoming')} value={draft.incoming} onChange={(e) => change({ incoming: e.currentTarget.value })}
            data={[{ value: '', label: t('handover.form.chooseIncoming') }, ...active.filter((s) => s.id !== me.id).map((s) => ({ value: s.id, label: `${s.name} · ${t(`common.roles.${s.role}`)}` }))]} />
        </Group>
        <Textarea label={t('handover.form.equipment')} placeholder={t('handover.form.equipmentHint')} value={draft.equipment} maxLength={HANDOVER_LIMITS.formText} autosize minRows={2} onChange={(e) => change({ equipment: e.currentTarget.value })} />
        <Textarea label={t('handover.form.notes')} value={draft.notes} maxLength={HANDOVER_LIMITS.formText} autosize minRows={2} onChange={(e) => change({ notes: e.currentTarget.value })} />
        <PaperPreview orientation="portrait"><TransferFormSheet estate={station.estateName} shiftLabel={shiftLabel} form={content} nameOf={who} signatures={{}} timeZone={station.timeZone} /></PaperPreview>
        <Group>
          <Button disabled={!draft.incoming} onClick={() => setSigning('outgoing')}>{t('handover.sign.outgoing')}</Button>
          <Button variant="default" loading={loading} onClick={() => void prepare()}>{t('handover.form.refill')}</Button>
          <Button variant="subtle" onClick={close}>{t('handover.sign.cancel')}</Button>
        </Group>
        {signing === 'outgoing' ? (
          <SignatureModal title={t('handover.sign.outgoing')} people={active} initial={me.id} onClose={() => setSigning(null)} errorText={errorText} testId="handover-sign-modal"
            onSign={async (staffId, pin) => {
              const result = await signAsOutgoing(db, store, shift, { ...draft.lists, outgoing: staffId, incoming: draft.incoming, equipment: draft.equipment, notes: draft.notes }, pin);
              if (result.ok) close();
              return result;
            }} />
        ) : null}
      </Stack>
    );
  }

  if (!form || !signed) {
    return <Group><Button loading={loading} onClick={() => void prepare()} data-testid="prepare-form">{t('handover.form.prepare')}</Button></Group>;
  }

  const sheet = <TransferFormSheet estate={station.estateName} shiftLabel={shiftLabel} form={form} nameOf={who} signatures={signatures} timeZone={station.timeZone} />;
  return (
    <Stack gap="sm" data-testid="transfer-form">
      {bothSigned
        ? <Alert color="teal" data-testid="handover-done">{t('handover.sign.done', { name: who(form.incoming) })} {t('handover.form.readOnly')}</Alert>
        : <Alert color="yellow">{t('handover.form.waitingIncoming')}</Alert>}
      <Group>
        {bothSigned ? null : <Button onClick={() => setSigning('incoming')}>{t('handover.sign.incoming')}</Button>}
        {bothSigned ? null : <Button variant="default" loading={loading} onClick={() => void prepare()}>{t('handover.form.refill')}</Button>}
        <Button variant="default" loading={printing} onClick={() => void print(fileName, false)} data-testid="transfer-form-print">{t('handover.form.print')}</Button>
        {bothSigned && me.id !== form.incoming ? <Button variant="light" onClick={lock}>{t('handover.sign.switchUser')}</Button> : null}
      </Group>
      <PaperPreview orientation="portrait">{sheet}</PaperPreview>
      <PrintSheet orientation="portrait">{sheet}</PrintSheet>
      {signing === 'incoming' ? (
        <SignatureModal title={t('handover.sign.incoming')} people={active} initial={form.incoming} onClose={() => setSigning(null)} errorText={errorText} testId="handover-sign-modal"
          onSign={async (staffId, pin) => {
            const result = await signAsIncoming(db, store, form.formId, staffId, pin);
            if (result.ok) notifications.show({ color: 'teal', message: t('handover.sign.done', { name: who(form.incoming) }) });
            return result;
          }} />
      ) : null}
    </Stack>
  );
}
