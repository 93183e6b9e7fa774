/** The file's columns no field reads, with what their values look like: nothing is left out silently. */
import { useTranslation } from 'react-i18next';
import type { FileDraft } from '../lib/import-draft.js';

export function UnusedColumns({ draft }: { draft: FileDraft }) {
  const { t } = useTranslation();
  const used = new Set(Object.values(draft.mapping));
  const unused = draft.inspection.columns.filter((c) => !used.has(c.index));
  const warnOf = new Map(draft.inspection.unused.map((u) => [u.index, u.warn]));
  return (
    <section className="unused-columns" aria-labelledby={`unused-${draft.inspection.path}`}>
      <h3 id={`unused-${draft.inspection.path}`}>{t('importProposal.unusedTitle', { count: unused.length })}</h3>
      {unused.length === 0 ? (
        <p className="muted">{t('importProposal.unusedNone')}</p>
      ) : (
        <>
          <p className="muted">{t('importProposal.unusedNote')}</p>
          <ul>
            {unused.map((column) => {
              // A column the user just unmapped was never profiled as unused: judge it from its kind.
              const warn = warnOf.get(column.index) ?? ['date', 'datetime', 'amount', 'identifier'].includes(column.kind);
              return (
                <li key={column.index} className={warn ? 'warn' : undefined} data-testid="unused-column">
                  {warn && <span aria-hidden="true">⚠ </span>}
                  <strong>
                    {column.index + 1}. « {column.header} »
                  </strong>{' '}
                  — {t('importProposal.looksLike', { description: column.description })}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
