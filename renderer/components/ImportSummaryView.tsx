/** New / updated / unchanged per kind of row, and the lines read, rejected, matched and recognised as archived. */
import { useTranslation } from 'react-i18next';
import type { ImportSummary } from '../../shared/types.js';
import { useFormat } from '../hooks/useFormat.js';

const ENTITIES = ['tickets', 'orders', 'customers', 'performances', 'shows'] as const;

export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const f = useFormat();
  const facts: [string, number, string?][] = [
    [t('import.linesRead'), summary.linesRead],
    [t('import.rejected'), summary.rejected, summary.rejected > 0 ? 'bad' : undefined],
    [t('import.seats'), summary.seats],
    [t('import.reversals'), summary.reversals.matched],
    [t('import.unmatched'), summary.reversals.unmatched, summary.reversals.unmatched > 0 ? 'warn' : undefined],
  ];
  return (
    <div className="summary">
      <dl className="facts big-facts">
        {facts.map(([label, value, tone]) => (
          <div key={label} className={tone}>
            <dt>{label}</dt>
            <dd data-testid={`fact-${label}`}>{f.number(value)}</dd>
          </div>
        ))}
      </dl>
      {/* Lines of archived seasons are neither imported nor rejected: said apart, so that a re-import's counts add up. */}
      {(summary.archivedLines ?? 0) > 0 && (
        <p className="notice" data-testid="archived-lines">
          {t('import.archivedLines', { count: summary.archivedLines, lines: f.number(summary.archivedLines!) })}
        </p>
      )}
      <table className="dense counts">
        <thead>
          <tr>
            <th scope="col">{t('import.entity')}</th>
            <th scope="col" className="num">{t('import.new')}</th>
            <th scope="col" className="num">{t('import.updated')}</th>
            <th scope="col" className="num">{t('import.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {ENTITIES.map((entity) => (
            <tr key={entity} data-entity={entity}>
              <th scope="row">{t(`import.entities.${entity}`)}</th>
              <td className="num">{f.number(summary[entity].new)}</td>
              <td className="num">{f.number(summary[entity].updated)}</td>
              <td className="num">{f.number(summary[entity].unchanged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(summary.warnings ?? []).length > 0 && (
        <section className="warning" aria-labelledby="import-warnings" data-testid="import-warnings">
          <h3 id="import-warnings">{t('importProposal.warningsTitle')}</h3>
          <ul>
            {summary.warnings!.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
