import { useTranslation } from 'react-i18next';

interface Props {
  estate: string;
  title: string;
  /** The date line, as the form prints it. */
  dates: string;
  headers: string[];
  rows: string[][];
  /** Columns kept on one line (numbers, times). */
  nowrap: ReadonlySet<number>;
  /** Columns given room first (the matter). */
  wide: ReadonlySet<number>;
}

/**
 * A register as the paper form: the estate and the form's name, the dates, the table with
 * borders (its header repeated on every page), and the signature lines (值班员 / 主管, 日期).
 */
export function RegisterSheet({ estate, title, dates, headers, rows, nowrap, wide }: Props) {
  const { t } = useTranslation();
  return (
    <div className="paper-form" data-testid="register-sheet">
      <p className="estate">{estate}</p>
      <h1>{title}</h1>
      <div className="meta">
        <span>{dates}</span>
        <span>{t('registers.sheet.count', { count: rows.length })}</span>
      </div>
      <table>
        <thead>
          <tr>{headers.map((h) => <th key={h}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr><td className="empty" colSpan={headers.length}>{t('registers.empty')}</td></tr>
          ) : rows.map((row) => (
            <tr key={row[0]} data-testid="sheet-row">
              {row.map((cell, i) => <td key={headers[i]} className={nowrap.has(i) ? 'nowrap' : wide.has(i) ? 'wide' : undefined}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="signatures" data-testid="signature-lines">
        <span>{t('registers.sheet.clerk')}<span className="signature-line" /></span>
        <span>{t('registers.sheet.supervisor')}<span className="signature-line" /></span>
        <span>{t('registers.sheet.date')}<span className="signature-line" /></span>
      </div>
    </div>
  );
}
