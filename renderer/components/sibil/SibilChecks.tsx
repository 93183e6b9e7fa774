/** The checks before declaring, each with what to do. */
import { useTranslation } from 'react-i18next';
import type { SibilCheck } from '../../../shared/sibil.js';

export function SibilChecks({ checks }: { checks: SibilCheck[] }) {
  const { t } = useTranslation();
  if (checks.length === 0) return <p className="notice" data-testid="sibil-ready">{t('sibil.checksNone')}</p>;
  return (
    <section className="panel sibil-checks" aria-labelledby="sibil-checks-title">
      <h2 id="sibil-checks-title">{t('sibil.checksTitle', { count: checks.length })}</h2>
      <ul>
        {checks.map((check, i) => (
          <li key={`${check.code}-${i}`} className="warning" data-check={check.code}>
            {t(`sibil.checks.${check.code}`, { subject: check.subject, keys: check.performanceKeys.join(', ') })}
          </li>
        ))}
      </ul>
    </section>
  );
}
