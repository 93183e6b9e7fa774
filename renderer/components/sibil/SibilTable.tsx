/**
 * One line per performance with the ministry's fields, the quarter's totals below, and each
 * show's domain chosen in place. Every column's formula shows on hover.
 */
import { useTranslation } from 'react-i18next';
import { SIBIL_DOMAINS, type SibilDomain, type SibilLine } from '../../../shared/sibil.js';
import { useFormat } from '../../hooks/useFormat.js';

const COLUMNS = ['date', 'show', 'place', 'capacity', 'full', 'fullRevenue', 'fullAverage', 'subscription', 'free', 'reduced', 'total', 'totalRevenue', 'totalAverage', 'domain'] as const;
const NUMERIC = new Set<string>(['capacity', 'full', 'fullRevenue', 'fullAverage', 'subscription', 'free', 'reduced', 'total', 'totalRevenue', 'totalAverage']);

const sum = (lines: SibilLine[], pick: (line: SibilLine) => number) => lines.reduce((n, line) => n + pick(line), 0);
const toCents = (euros: number | null) => (euros === null ? null : Math.round(euros * 100));

export function SibilTable({ lines, onDomain }: { lines: SibilLine[]; onDomain: (showId: number, domain: SibilDomain | null) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const full = sum(lines, (l) => l.nbBilletsTarifPlein);
  const fullCents = sum(lines, (l) => toCents(l.recetteTarifPlein)!);
  const total = sum(lines, (l) => l.nbBilletsTotalBilletterie);
  const free = sum(lines, (l) => l.nbBilletsExoneres);
  const totalCents = sum(lines, (l) => toCents(l.recetteTotalBilletterie)!);
  const average = (cents: number, tickets: number) => (tickets > 0 ? f.money(Math.round(cents / tickets)) : '—');

  return (
    <div className="sibil-scroll">
      <table className="dense sibil-table" data-testid="sibil-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={NUMERIC.has(column) ? 'num' : undefined} title={t(`sibil.formulas.${column}`, { defaultValue: '' }) || undefined}>
                {t(`sibil.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.performanceId} data-key={line.key}>
              <td className="nowrap">{f.dateTime(line.dateHeureRepresentation)}</td>
              <td>{line.spectacle}</td>
              <td>{line.lieu || '—'}</td>
              <td className="num">{line.jauge === null ? '—' : f.number(line.jauge)}</td>
              <td className="num">{f.number(line.nbBilletsTarifPlein)}</td>
              <td className="num">{f.money(toCents(line.recetteTarifPlein))}</td>
              <td className="num">{f.money(toCents(line.prixMoyenTarifPlein))}</td>
              <td className="num">{f.number(line.nbBilletsTarifAbonnementForfait)}</td>
              <td className="num">{f.number(line.nbBilletsExoneres)}</td>
              <td className="num muted">{f.number(line.nbBilletsTarifReduit)}</td>
              <td className="num">{f.number(line.nbBilletsTotalBilletterie)}</td>
              <td className="num">{f.money(toCents(line.recetteTotalBilletterie))}</td>
              <td className="num">{f.money(toCents(line.prixMoyenTotalBilletterie))}</td>
              <td>
                <select
                  aria-label={`${t('sibil.columns.domain')} — ${line.spectacle}`}
                  value={line.domaine ?? ''}
                  className={line.domaine ? undefined : 'missing'}
                  onChange={(event) => onDomain(line.showId, (event.target.value || null) as SibilDomain | null)}
                >
                  <option value="">{t('sibil.domainChoose')}</option>
                  {SIBIL_DOMAINS.map((domain) => (
                    <option key={domain} value={domain}>
                      {t(`sibil.domains.${domain}`)}
                    </option>
                  ))}
                </select>
                {line.domaineSource === 'proposed' && <small className="muted block">{t('sibil.domainProposed', { discipline: line.discipline })}</small>}
                <span className="print-only">{line.domaine ? t(`sibil.domains.${line.domaine}`) : '—'}</span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={4}>
              {t('sibil.totals')}
            </th>
            <td className="num">{f.number(full)}</td>
            <td className="num">{f.money(fullCents)}</td>
            <td className="num">{average(fullCents, full)}</td>
            <td className="num">{f.number(sum(lines, (l) => l.nbBilletsTarifAbonnementForfait))}</td>
            <td className="num">{f.number(free)}</td>
            <td className="num muted">{f.number(sum(lines, (l) => l.nbBilletsTarifReduit))}</td>
            <td className="num">{f.number(total)}</td>
            <td className="num">{f.money(totalCents)}</td>
            <td className="num">{average(totalCents, total - free)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
