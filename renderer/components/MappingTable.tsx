/**
 * One row per field the file's kind allows: the column it reads (changeable) and sample values
 * from the first rows, so a wrong guess shows at a glance.
 */
import { useTranslation } from 'react-i18next';
import { KIND_FIELDS, missingAmount, type ColumnMapping, type FileKind, type ImportField } from '../../shared/import-fields.js';
import { WEAK_CONFIDENCE, type FieldProposal } from '../../shared/import-proposal-types.js';
import { useFormat } from '../hooks/useFormat.js';

interface Props {
  kind: FileKind;
  headers: string[];
  sampleRows: string[][];
  mapping: ColumnMapping;
  /** The importer's proposal: it fixes the row order, so rows do not jump while the user edits. */
  proposed: ColumnMapping;
  /** Why each column was proposed, and how sure the proposal is. */
  proposals: FieldProposal[];
  onChange: (field: ImportField, column: number | null) => void;
}

export function MappingTable({ kind, headers, sampleRows, mapping, proposed, proposals, onChange }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const proposalOf = new Map(proposals.map((p) => [p.column, p]));
  const { allowed, required } = KIND_FIELDS[kind];
  // Proposed fields first (what will be imported), then the others in their natural order.
  const fields = [...allowed].sort((a, b) => Number(proposed[b] !== undefined) - Number(proposed[a] !== undefined));
  return (
    <table className="mapping dense">
      <colgroup>
        <col className="field" />
        <col className="column" />
        <col className="why" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{t('import.field')}</th>
          <th scope="col">{t('import.column')}</th>
          <th scope="col">{t('importProposal.why')}</th>
          <th scope="col">{t('import.samples')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => {
          const column = mapping[field];
          const samples = column === undefined ? [] : sampleRows.slice(0, 3).map((row) => row[column] ?? '');
          // A ticket file needs one amount: the seat's price is marked required until one of the two is mapped.
          const isRequired = required.includes(field) || (kind === 'tickets' && field === 'unitPrice' && missingAmount(mapping) !== null);
          // The proposal of this column, when the field still reads the column it was proposed for (its field may
          // have moved between the two amount fields).
          const proposal = column === undefined ? undefined : proposalOf.get(column);
          const shown = proposal && (proposal.field === field || ((field === 'unitPrice' || field === 'lineAmount') && (proposal.field === 'unitPrice' || proposal.field === 'lineAmount'))) ? proposal : undefined;
          const weak = shown !== undefined && shown.confidence < WEAK_CONFIDENCE;
          return (
            <tr key={field} className={column === undefined ? 'unmapped' : weak ? 'weak' : undefined} data-field-row={field}>
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
              <td className="why">
                {shown && (
                  <>
                    <span className={`confidence${weak ? ' weak' : ''}`} title={weak ? t('importProposal.weakTitle') : t('importProposal.confidence')}>
                      {f.percent(shown.confidence, 0)}
                      {weak && ` · ${t('importProposal.weak')}`}
                    </span>{' '}
                    <span className="reason">{shown.reason}</span>
                  </>
                )}
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
