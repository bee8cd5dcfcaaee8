import { useTranslation } from 'react-i18next';
import { DAY_REPORT_FIGURES } from '@shared/shifts/reviewEvents';
import '../registers/print/print.css';
import './shiftLog.css';
import type { DayReport } from './dayReport';

interface Props {
  estate: string;
  day: string;
  asOf: string;
  report: DayReport;
  /** Who signed and when, once signed (R-DAILY-REPORT). */
  signed: string | null;
}

/** R-DAILY-REPORT: 物业日报表 on paper (A4 portrait): the day's figures, by kind, and the supervisor's signature. */
export function DayReportSheet({ estate, day, asOf, report, signed }: Props) {
  const { t } = useTranslation();
  const c = (key: 'figure' | 'count' | 'kind' | 'opened' | 'closed' | 'stillOpen') => t(`shiftLog.report.columns.${key}`);
  return (
    <div className="paper-form day-report-sheet" data-testid="day-report-sheet">
      <p className="estate">{estate}</p>
      <h1>{t('shiftLog.report.title')}</h1>
      <div className="meta"><span>{t('shiftLog.sheet.date')}：{day}</span><span>{asOf}</span></div>
      <table>
        <thead><tr><th>{c('figure')}</th><th>{c('count')}</th></tr></thead>
        <tbody>
          {DAY_REPORT_FIGURES.map((f) => (
            <tr key={f} data-testid={`figure-${f}`}><td>{t(`shiftLog.report.figures.${f}`)}</td><td className="count">{report.figures[f]}</td></tr>
          ))}
        </tbody>
      </table>
      <h2>{t('shiftLog.report.byKind')}</h2>
      <table>
        <thead><tr><th>{c('kind')}</th><th>{c('opened')}</th><th>{c('closed')}</th><th>{c('stillOpen')}</th></tr></thead>
        <tbody>
          {report.byKind.length === 0 ? <tr><td className="empty" colSpan={4}>{t('shiftLog.report.noRequests')}</td></tr> : report.byKind.map((line) => (
            <tr key={line.kind}>
              <td>{t(`common.kinds.${line.kind}`)}</td><td className="count">{line.opened}</td><td className="count">{line.closed}</td><td className="count">{line.stillOpen}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {signed ? <p className="signed" data-testid="sheet-signed">{signed}</p> : null}
      <div className="signatures">
        <span>{t('shiftLog.sheet.clerk')}<span className="signature-line" /></span>
        <span>{t('shiftLog.sheet.supervisorReport')}<span className="signature-line" /></span>
        <span>{t('shiftLog.sheet.date')}<span className="signature-line" /></span>
      </div>
    </div>
  );
}
