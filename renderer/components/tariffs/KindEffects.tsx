/**
 * The season figures a tariff's kind decides — tickets paid and free, subscribers — next to the
 * tariffs, so that a correction shows its effect at once. Formulas on hover, as everywhere.
 */
import { useTranslation } from 'react-i18next';
import { formulaText } from '../../../shared/formula.js';
import { SEASON_FORMULAS } from '../../../shared/indicator-formulas.js';
import type { SeasonIndicators } from '../../../shared/types.js';
import { useFormat } from '../../hooks/useFormat.js';

export function KindEffects({ seasons }: { seasons: SeasonIndicators[] }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const columns = [
    ['tickets', 'tickets'],
    ['ticketsPaid', 'paid'],
    ['ticketsFree', 'free'],
    ['subscribers', 'subscribers'],
  ] as const;
  if (seasons.length === 0) return null;
  return (
    <section className="panel kind-effects">
      <h2>{t('tariffs.effects.title')}</h2>
      <table className="dense">
        <thead>
          <tr>
            <th scope="col">{t('tariffs.effects.season')}</th>
            {columns.map(([figure, label]) => (
              <th key={figure} scope="col" className="num" title={formulaText(SEASON_FORMULAS[figure], i18n.language)}>
                {t(`tariffs.effects.${label}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {seasons.map((season) => (
            <tr key={season.seasonYear} data-season={season.label}>
              <th scope="row">{season.label}</th>
              {columns.map(([figure]) => (
                <td key={figure} className="num" data-figure={figure} title={formulaText(SEASON_FORMULAS[figure], i18n.language)}>
                  {f.number(season[figure])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
