/** « À date » : seats sold by the season's last sale, against the previous season one year earlier. */
import { useTranslation } from 'react-i18next';
import type { SeasonReport } from '../../shared/report-types.js';
import { useFormat } from '../hooks/useFormat.js';
import { changeOf } from '../lib/season-change.js';
import { useSeasonFigures } from './SeasonCards.js';

export function SamePoint({ report }: { report: SeasonReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { showChange } = useSeasonFigures();
  const pace = report.bookingPace;
  if (!pace.asOf) return null;
  return (
    <ul className="same-point plain" data-figure="samePoint">
      <li>{t('reports.charts.samePoint', { tickets: f.number(pace.ticketsAsOf), date: f.date(pace.asOf) })}</li>
      {report.previous && pace.previousAsOf !== null && pace.previousTicketsAsOf !== null ? (
        <li>
          {t('reports.charts.samePointPrevious', {
            label: report.previous.label,
            date: f.date(pace.previousAsOf),
            tickets: f.number(pace.previousTicketsAsOf),
            change: showChange(changeOf(pace.ticketsAsOf, pace.previousTicketsAsOf, 'count')),
          })}
        </li>
      ) : null}
      {pace.undatedTickets > 0 ? <li className="muted">{t('reports.charts.undated', { tickets: f.number(pace.undatedTickets) })}</li> : null}
    </ul>
  );
}
