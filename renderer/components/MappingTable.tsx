/**
 * One row per field the file's kind allows: the column it reads (changeable) and sample values
 * from the first rows, so a wrong guess shows at a glance.
 */
import { useTranslation } from 'react-i18next';
import { KIND_FIELDS, type ColumnMapping, type FileKind, type ImportField } from '../../shared/import-fields.js';

interface Props {
  kind: FileKind;
  headers: string[];
  sampleRows: string[][];
  mapping: ColumnMapping;
  /** The importer's proposal: it fixes the row order, so rows do not jump while the user edits. */
  proposed: ColumnMapping;
  onChange: (field: ImportField, column: number | null) => void;
}

export function MappingTable({ kind, headers, sampleRows, mapping, proposed, onChange }: Props) {
  const { t } = useTranslation();
  const { allowed, required } = KIND_FIELDS[kind];
  // Proposed fields first (what will be imported), then the others in their natural order.
  const fields = [...allowed].sort((a, b) => Number(proposed[b] !== undefined) - Number(proposed[a] !== undefined));
  return (
    <table className="mapping dense">
      <colgroup>
        <col className="field" />
        <col className="column" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('import.field')}</th>
          <th scope="col">{t('import.column')}</th>
          <th scope="col">{t('import.samples')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => {
          const column = mapping[field];
          const samples = column === undefined ? [] : sampleRows.slice(0, 3).map((row) => row[column] ?? '');
          const isRequired = required.includes(field);
          return (
            <tr key={field} className={column === undefined ? 'unmapped' : undefined}>
              <th scope="row">
                <label htmlFor={`map-${field}`}>{t(`fields.${field}`)}</label>
                {isRequired && <span className="required"> · {t('import.required')}</span>}
              </th>
              <td>
                <select
                  id={`map-${field}`}
                  data-field={field}
                  value={column ?? ''}
                  onChange={(event) => onChange(field, event.target.value === '' ? null : Number(event.target.value))}
                >
                  <option value="">{t('import.unmapped')}</option>
                  {headers.map((header, index) => (
                    <option key={index} value={index}>
                      {t('import.columnOption', { index: index + 1, header })}
                    </option>
                  ))}
                </select>
              </td>
              <td className="samples">
                {samples.map((sample, index) => (
                  <span key={index} className="sample" title={sample}>
                    {sample}
                  </span>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
