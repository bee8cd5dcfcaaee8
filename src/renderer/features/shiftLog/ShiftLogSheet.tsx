import { useTranslation } from 'react-i18next';
import '../registers/print/print.css';
import './shiftLog.css';
import { LOG_COLUMNS, rowCells, type LogRow } from './logRows';

interface Props {
  estate: string;
  /** The shift and its times, as the form prints them. */
  span: string;
  rows: LogRow[];
  /** "Reviewed by … at …", once reviewed (R-MORNING-REVIEW). */
  reviewed: string | null;
}

/**
 * R-MORNING-REVIEW: the shift's log as the paper one (A4 portrait): estate, title, shift, the
 * entries in order with their details, and the lines for the clerk and the supervisor.
 */
export function ShiftLogSheet({ estate, span, rows, reviewed }: Props) {
  const { t } = useTranslation();
  const headers = LOG_COLUMNS.map((c) => t(`shiftLog.columns.${c}`));
  return (
    <div className="paper-form shift-log-sheet" data-testid="shift-log-sheet">
      <p className="estate">{estate}</p>
      <h1>{t('shiftLog.title')}</h1>
      <div className="meta">
        <span>{span}</span>
        <span>{t('shiftLog.sheet.count', { count: rows.length })}</span>
      </div>
      <table>
        <colgroup><col className="c-time" /><col className="c-kind" /><col className="c-request" /><col /><col className="c-station" /></colgroup>
        <thead><tr>{headers.map((h) => <th key={h}>{h}</th>)}</tr></thead>
        <tbody>
          {rows.length === 0 ? (
            <tr><td className="empty" colSpan={headers.length}>{t('shiftLog.empty')}</td></tr>
          ) : rows.map((row) => {
            const cells = rowCells(row);
            return (
              <tr key={row.id}>
                <td className="nowrap">{cells[0]}</td>
                <td>{cells[1]}</td>
                <td>{cells[2]}</td>
                <td className="what">{cells[3]}</td>
                <td>{cells[4]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {reviewed ? <p className="reviewed" data-testid="sheet-reviewed">{reviewed}</p> : null}
      <div className="signatures">
        <span>{t('shiftLog.sheet.clerk')}<span className="signature-line" /></span>
        <span>{t('shiftLog.sheet.supervisor')}<span className="signature-line" /></span>
        <span>{t('shiftLog.sheet.date')}<span className="signature-line" /></span>
      </div>
    </div>
  );
}
