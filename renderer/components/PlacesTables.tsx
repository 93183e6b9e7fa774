/** Spectators and tickets by département, and the communes with the most spectators. */
import { useTranslation } from 'react-i18next';
import { formulaText } from '../../shared/formula.js';
import { REPORT_FORMULAS } from '../../shared/report-formulas.js';
import type { ReportCommune, ReportDepartement } from '../../shared/report-types.js';
import { useFormat } from '../hooks/useFormat.js';

function useFormulaTitle() {
  const { t, i18n } = useTranslation();
  return (formula: keyof typeof REPORT_FORMULAS) => t('reports.formula', { formula: formulaText(REPORT_FORMULAS[formula], i18n.language) });
}

export function DepartementsTable({ departements, limit }: { departements: ReportDepartement[]; limit?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useFormulaTitle();
  const rows = limit ? departements.slice(0, limit) : departements;
  return (
    <table className="dense places" title={title('departements')} data-table="departements">
      <thead>
        <tr>
          <th>{t('reports.charts.code')}</th>
          <th>{t('reports.charts.departement')}</th>
          <th className="num">{t('reports.charts.spectators')}</th>
          <th className="num">{t('reports.charts.tickets')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.code ?? d.name}>
            <td>{d.code ?? '—'}</td>
            <td>{d.name}</td>
            <td className="num">{f.number(d.spectators)}</td>
            <td className="num">{f.number(d.tickets)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CommunesTable({ communes, limit }: { communes: ReportCommune[]; limit?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const title = useFormulaTitle();
  const rows = limit ? communes.slice(0, limit) : communes;
  return (
    <table className="dense places" title={title('communes')} data-table="communes">
      <thead>
        <tr>
          <th>{t('reports.charts.commune')}</th>
          <th>{t('reports.charts.postalCode')}</th>
          <th className="num">{t('reports.charts.spectators')}</th>
          <th className="num">{t('reports.charts.tickets')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={`${c.postalCode}-${c.commune}`}>
            <td>{c.commune}</td>
            <td>{c.postalCode}</td>
            <td className="num">{f.number(c.spectators)}</td>
            <td className="num">{f.number(c.tickets)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
