/** Where the user stands in the import wizard. */
import { useTranslation } from 'react-i18next';

export const IMPORT_STEPS = ['choose', 'review', 'dryRun', 'run', 'result'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

export function Steps({ current }: { current: ImportStep }) {
  const { t } = useTranslation();
  const at = IMPORT_STEPS.indexOf(current);
  return (
    <ol className="steps">
      {IMPORT_STEPS.map((step, index) => (
        <li key={step} className={index === at ? 'current' : index < at ? 'done' : undefined} aria-current={index === at ? 'step' : undefined}>
          <span className="step-number">{index + 1}</span> {t(`import.steps.${step}`)}
        </li>
      ))}
    </ol>
  );
}
