import { useTranslation } from 'react-i18next';
import type { HandoverFormPayload } from '@shared/shifts/handoverEvents';
import { formatDateTime } from '../../i18n/format';
import './transferForm.css';

export interface Signatures {
  outgoingAt?: number;
  incomingAt?: number;
}

interface Props {
  estate: string;
  shiftLabel: string;
  form: Omit<HandoverFormPayload, 'formId' | 'startsAt'>;
  nameOf(id: string): string;
  signatures: Signatures;
  timeZone: string;
}

/**
 * R-HANDOVER-SIGN: the work-transfer form (工作移交表) as the paper one: unfinished work,
 * unacknowledged alarms, calls with no request, keys out, equipment and facilities, notes, and
 * both signatures. The same sheet is the preview, the printout and the log's read-only view.
 */
export function TransferFormSheet({ estate, shiftLabel, form, nameOf, signatures, timeZone }: Props) {
  const { t, i18n } = useTranslation();
  const time = (ms: number) => formatDateTime(ms, timeZone, i18n.language);
  const none = <tr><td className="empty" colSpan={4}>{t('handover.form.none')}</td></tr>;
  const more = (count: number) => (count > 0 ? <p className="more">{t('handover.form.more', { count })}</p> : null);
  const signature = (label: string, who: string, at?: number) => (
    <span>{t('handover.form.labelled', { label })}<span className="signature-line" data-testid="signature">{at !== undefined ? t('handover.form.signedBy', { name: nameOf(who), time: time(at) }) : ''}</span></span>
  );
  return (
    <div className="paper-form transfer-form" data-testid="transfer-form-sheet">
      <p className="estate">{estate}</p>
      <h1>{t('handover.form.title')}</h1>
      <div className="meta"><span>{t('handover.form.labelled', { label: t('handover.form.shift') })}{shiftLabel}</span><span>{t('handover.form.labelled', { label: t('handover.form.writtenAt') })}{time(form.at)}</span></div>
      <table className="fields">
        <tbody>
          <tr><td className="label">{t('handover.form.outgoing')}</td><td>{nameOf(form.outgoing)}</td><td className="label">{t('handover.form.incoming')}</td><td>{nameOf(form.incoming)}</td></tr>
        </tbody>
      </table>
      <h2>{t('handover.form.requests')}</h2>
      <table>
        <thead><tr><th>{t('handover.form.columns.number')}</th><th>{t('handover.form.columns.kind')}</th><th>{t('handover.form.columns.status')}</th><th>{t('handover.form.columns.nextDue')}</th></tr></thead>
        <tbody>
          {form.requests.length ? form.requests.map((r) => (
            <tr key={r.ticketId} data-testid="form-request">
              <td className="nowrap">{r.number}</td><td>{t(`common.kinds.${r.kind}`, { defaultValue: r.kind })}</td><td>{t(`common.statuses.${r.status}`, { defaultValue: r.status })}</td>
              <td>{r.nextDueAt !== undefined ? `${time(r.nextDueAt)} ${r.nextRule ? t(`deadlines.rules.${r.nextRule}.name`, { defaultValue: r.nextRule }) : ''}` : ''}</td>
            </tr>
          )) : none}
        </tbody>
      </table>
      {more(form.more.requests)}
      <h2>{t('handover.form.alarms')}</h2>
      <table>
        <thead><tr><th>{t('handover.form.columns.number')}</th><th>{t('handover.form.columns.rule')}</th><th>{t('handover.form.columns.dueAt')}</th></tr></thead>
        <tbody>
          {form.alarms.length ? form.alarms.map((a) => (
            <tr key={`${a.ticketId}|${a.rule}`} data-testid="form-alarm"><td className="nowrap">{a.number}</td><td>{t(`deadlines.rules.${a.rule}.name`, { defaultValue: a.rule })}</td><td>{time(a.dueAt)}</td></tr>
          )) : none}
        </tbody>
      </table>
      {more(form.more.alarms)}
      <h2>{t('handover.form.calls')}</h2>
      <table>
        <thead><tr><th>{t('handover.form.columns.time')}</th><th>{t('handover.form.columns.number2')}</th><th>{t('handover.form.columns.outcome')}</th></tr></thead>
        <tbody>
          {form.calls.length ? form.calls.map((c) => (
            <tr key={c.callId} data-testid="form-call"><td>{time(c.at)}</td><td>{c.number ?? t('handover.form.withheld')}</td><td>{t(`handover.form.callOutcome.${c.outcome}`)}</td></tr>
          )) : none}
        </tbody>
      </table>
      {more(form.more.calls)}
      <table className="fields">
        <tbody>
          <tr><td className="label">{t('handover.form.keys')}</td><td data-testid="form-keys">{form.keys.length ? form.keys.map((k) => k.label).join(t('handover.form.separator')) : t('handover.form.none')}{form.more.keys ? `${t('handover.form.separator')}${t('handover.form.more', { count: form.more.keys })}` : ''}</td></tr>
          <tr><td className="label">{t('handover.form.equipment')}</td><td className="tall" data-testid="form-equipment">{form.equipment}</td></tr>
          <tr><td className="label">{t('handover.form.notes')}</td><td className="tall" data-testid="form-notes">{form.notes}</td></tr>
        </tbody>
      </table>
      <div className="signatures" data-testid="signature-lines">
        {signature(t('handover.sign.outgoing'), form.outgoing, signatures.outgoingAt)}
        {signature(t('handover.sign.incoming'), form.incoming, signatures.incomingAt)}
      </div>
    </div>
  );
}
