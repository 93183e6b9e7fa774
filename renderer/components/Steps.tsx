/** Where the user stands in the import wizard. */
import { useTranslation } from 'react-i18next';

export const IMPORT_STEPS = ['choose', 'review', 'dryRun', 'run', 'result'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** `skipped`: steps the user went past without doing (the dry run is optional). */
export function Steps({ current, skipped = [] }: { current: ImportStep; skipped?: readonly ImportStep[] }) {
  const { t } = useTranslation();
  const at = IMPORT_STEPS.indexOf(current);
  const stateOf = (step: ImportStep, index: number) =>
    index === at ? 'current' : index > at ? undefined : skipped.includes(step) ? 'skipped' : 'done';
  return (
    <ol className="steps">
      {IMPORT_STEPS.map((step, index) => (
        <li
          key={step}
          className={stateOf(step, index)}
          aria-current={index === at ? 'step' : undefined}
          title={stateOf(step, index) === 'skipped' ? t('import.steps.skipped') : undefined}
        >
          <span className="step-number">{index + 1}</span> {t(`import.steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
