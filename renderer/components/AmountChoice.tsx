/**
 * What the one amount column holds — a seat's price or the line's total — with the importer's
 * decision and its evidence from the file; the user may change it, and must choose when the data
 * cannot tell.
 */
import { useTranslation } from 'react-i18next';
import { needsAmountChoice, withAmountMode, type FileDraft } from '../lib/import-draft.js';

export function AmountChoice({ draft, onChange }: { draft: FileDraft; onChange: (draft: FileDraft) => void }) {
  const { t } = useTranslation();
  const decision = draft.inspection.amount;
  if (draft.kind !== 'tickets' || !decision) return null;
  const { unitPrice, lineAmount } = draft.mapping;
  const both = unitPrice !== undefined && lineAmount !== undefined;
  const asking = needsAmountChoice(draft);
  const current = asking ? null : lineAmount !== undefined ? 'line' : unitPrice !== undefined ? 'unit' : null;
  const decided = t(`importProposal.amountDecisions.${decision.mode ?? 'null'}`);
  return (
    <section className={`amount-choice panel-inset${asking ? ' asking' : ''}`} aria-labelledby={`amount-${draft.inspection.path}`}>
      <h3 id={`amount-${draft.inspection.path}`}>{t('importProposal.amountTitle')}</h3>
      <p className="evidence" data-testid="amount-evidence">
        {t('importProposal.amountEvidence', { decision: decided, evidence: decision.evidence })}
      </p>
      {both ? (
        <p>{t('importProposal.amountBoth')}</p>
      ) : (
        <div role="radiogroup" aria-label={t('importProposal.amountTitle')} className="choices">
          {(['unit', 'line'] as const).map((mode) => (
            <label key={mode} className="check">
              <input type="radio" name={`amount-${draft.inspection.path}`} value={mode} checked={current === mode} onChange={() => onChange(withAmountMode(draft, mode))} />{' '}
              {t(mode === 'unit' ? 'importProposal.amountUnit' : 'importProposal.amountLine')}
            </label>
          ))}
        </div>
      )}
      {asking && (
        <p className="warning" role="alert">
          {t('importProposal.amountAsk')}
        </p>
      )}
      {draft.amountChosen && <p className="muted">{t('importProposal.amountChosen')}</p>}
    </section>
  );
}
