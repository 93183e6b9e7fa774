/** The next SIBIL deadline in one line, linking to the declaration (shown on the dashboard). */
import { useTranslation } from 'react-i18next';
import { declarationDeadline, parseQuarter } from '../../../shared/sibil.js';
import { useCall } from '../../hooks/useCall.js';
import { useFormat } from '../../hooks/useFormat.js';
import { routeHref } from '../../hooks/useHashRoute.js';
import { defaultSibilQuarter, localToday } from '../../lib/sibil-default.js';

export function SibilDeadline() {
  const { t } = useTranslation();
  const f = useFormat();
  const quarters = useCall('sibil.quarters', {});
  const label = quarters.value ? defaultSibilQuarter(quarters.value, localToday()) : null;
  const summary = quarters.value?.find((q) => q.quarter === label);
  if (!label || !summary) return null;
  const deadline = declarationDeadline(parseQuarter(label)!);
  const text = summary.declaredAt
    ? t('sibil.nextDeclared', { quarter: label, date: f.date(summary.declaredAt) })
    : t(localToday() < deadline ? 'sibil.nextDeadline' : 'sibil.nextOverdue', { quarter: label, date: f.date(deadline) });
  return (
    <a className={summary.declaredAt ? 'notice' : 'warning sibil-deadline'} href={routeHref({ page: 'sibil' })} data-testid="sibil-deadline">
      {text}
    </a>
  );
}
