/** The first rows of a file as read, each header tagged with the field it feeds. */
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportField } from '../../shared/import-fields.js';

export function PreviewTable({ headers, rows, mapping }: { headers: string[]; rows: string[][]; mapping: ColumnMapping }) {
  const { t } = useTranslation();
  const fieldOf = new Map<number, ImportField>();
  for (const [field, column] of Object.entries(mapping) as [ImportField, number][]) fieldOf.set(column, field);
  return (
    <div className="preview" tabIndex={0} aria-label={t('import.preview')}>
      <table className="dense">
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th key={index} scope="col" className={fieldOf.has(index) ? 'mapped' : undefined}>
                <span>{header}</span>
                {fieldOf.has(index) && <small>{t(`fields.${fieldOf.get(index)}`)}</small>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 8).map((row, r) => (
            <tr key={r}>
              {headers.map((_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
