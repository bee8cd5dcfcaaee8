import { useTranslation } from 'react-i18next';
import '../registers/print/print.css';
import './keyRegister.css';
import { KEY_SHEET_COLUMNS, type KeyGroup } from './keyRegisterSheet';

interface Props {
  estate: string;
  printedAt: string;
  groups: KeyGroup[];
  total: number;
  out: number;
}

/**
 * R-KEYS: 钥匙登记簿 on paper (A4 portrait): a section per category as the keys are filed (owners'
 * by unit, common areas by floor/area, plant rooms by equipment), keys out marked, the date
 * printed, and the lines for the clerk and the supervisor.
 */
export function KeyRegisterSheet({ estate, printedAt, groups, total, out }: Props) {
  const { t } = useTranslation();
  const headers = KEY_SHEET_COLUMNS.map((c) => (c === 'filedUnder' ? null : t(`keys.print.columns.${c}`)));
  return (
    <div className="paper-form key-register-sheet" data-testid="key-register-sheet">
      <p className="estate">{estate}</p>
      <h1>{t('keys.title')}</h1>
      <div className="meta">
        <span data-testid="key-sheet-printed">{printedAt}</span>
        <span>{t('keys.print.count', { count: total, out })}</span>
      </div>
      {groups.length === 0 ? <p className="empty">{t('keys.empty')}</p> : groups.map((g) => (
        <section key={g.category} data-testid={`key-sheet-${g.category}`}>
          <h2>{t(`keys.categories.${g.category}`)}</h2>
          <table>
            <colgroup><col className="c-filed" /><col className="c-label" /><col className="c-state" /><col className="c-who" /><col className="c-since" /><col /></colgroup>
            <thead><tr>{headers.map((h, i) => <th key={i}>{h ?? t(`keys.filedUnder.${g.category}`)}</th>)}</tr></thead>
            <tbody>
              {g.rows.map((r) => (
                <tr key={r.id} className={r.out ? 'out' : undefined} data-testid="key-sheet-row">
                  {r.cells.map((cell, i) => <td key={i} className={i === 4 ? 'nowrap' : undefined}>{cell}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <div className="signatures">
        <span>{t('registers.sheet.clerk')}<span className="signature-line" /></span>
        <span>{t('registers.sheet.supervisor')}<span className="signature-line" /></span>
        <span>{t('registers.sheet.date')}<span className="signature-line" /></span>
      </div>
    </div>
  );
}
