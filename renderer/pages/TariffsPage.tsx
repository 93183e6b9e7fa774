/**
 * Tariff kinds: every tariff with its tickets, revenue and prices, the kind Parterre proposed and
 * why, and the kind the figures count, which the user confirms or corrects. A change is saved at
 * once and every figure is recomputed by the engine in the same transaction; the season figures
 * the kinds decide are shown below, so the effect is seen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract.js';
import type { TariffKindName, TariffKindReason, TariffRow } from '../../shared/tariff-types.js';
import { call } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { KindEffects } from '../components/tariffs/KindEffects.js';
import { KindSelect } from '../components/tariffs/KindSelect.js';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';
import '../styles/tariffs.css';

export function TariffsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const listed = useCall('tariffs.list', {});
  const seasons = useCall('seasons.list', {});
  const [rows, setRows] = useState<TariffRow[] | null>(null);
  const [onlyUnconfirmed, setOnlyUnconfirmed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<CallError | null>(null);

  const tariffs = rows ?? listed.value;
  const reload = seasons.reload;

  const save = async (changes: { id: number; kind: TariffKindName }[]) => {
    if (changes.length === 0) return;
    setSaving(true);
    setSaved(false);
    setError(null);
    const result = await call('tariffs.setKind', { tariffs: changes });
    setSaving(false);
    if (!result.ok) return setError(result.error);
    setRows(result.value);
    setSaved(true);
    reload();
  };

  const reason = (r: TariffKindReason) => t(`tariffs.reasons.${r.source}`, r.source === 'name' || r.source === 'category' ? { match: r.match } : {});
  const price = (row: TariffRow) =>
    row.minPriceCents === null ? '—' : row.minPriceCents === row.maxPriceCents ? f.money(row.minPriceCents) : `${f.money(row.minPriceCents)} – ${f.money(row.maxPriceCents)}`;

  const unconfirmed = tariffs?.filter((row) => !row.confirmed) ?? [];
  const shown = (onlyUnconfirmed ? unconfirmed : tariffs) ?? [];

  return (
    <section className="tariffs-page">
      <header className="page-header">
        <h1>{t('tariffs.title')}</h1>
        {tariffs && (
          <span className="count" data-testid="tariff-count">
            {t('tariffs.count', { count: tariffs.length, total: f.number(tariffs.length), unconfirmed: f.number(unconfirmed.length) })}
          </span>
        )}
      </header>
      <p className="lead">{t('tariffs.intro')}</p>
      {listed.error && <ErrorMessage error={listed.error} onRetry={listed.reload} />}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {tariffs && tariffs.length === 0 && <p className="muted">{t('tariffs.none')}</p>}
      {tariffs && tariffs.length > 0 && (
        <>
          <div className="toolbar">
            <label className="check">
              <input type="checkbox" checked={onlyUnconfirmed} onChange={(event) => setOnlyUnconfirmed(event.target.checked)} />
              {t('tariffs.onlyUnconfirmed')}
            </label>
            <button
              type="button"
              className="primary"
              title={t('tariffs.confirmAllHint')}
              disabled={saving || unconfirmed.length === 0}
              onClick={() => void save(unconfirmed.map((row) => ({ id: row.id, kind: row.kind })))}
            >
              {t('tariffs.confirmAll')}
            </button>
            <span className="busy" aria-live="polite">
              {saving ? t('tariffs.saving') : saved ? t('tariffs.saved') : ''}
            </span>
          </div>
          <div className="panel tariff-table">
            <table className="dense">
              <thead>
                <tr>
                  <th scope="col">{t('tariffs.columns.name')}</th>
                  <th scope="col" className="num" title={t('tariffs.formulas.tickets')}>{t('tariffs.columns.tickets')}</th>
                  <th scope="col" className="num" title={t('tariffs.formulas.revenue')}>{t('tariffs.columns.revenue')}</th>
                  <th scope="col" className="num" title={t('tariffs.formulas.price')}>{t('tariffs.columns.price')}</th>
                  <th scope="col">{t('tariffs.columns.proposed')}</th>
                  <th scope="col">{t('tariffs.columns.kind')}</th>
                  <th scope="col">{t('tariffs.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr key={row.id} data-tariff={row.name} className={row.confirmed ? 'confirmed' : 'unconfirmed'}>
                    <th scope="row">{row.name || <span className="muted">{t('tariffs.noName')}</span>}</th>
                    <td className="num" title={t('tariffs.formulas.tickets')}>{f.number(row.tickets)}</td>
                    <td className="num" title={t('tariffs.formulas.revenue')}>{f.money(row.revenueCents)}</td>
                    <td className="num" title={t('tariffs.formulas.price')}>{price(row)}</td>
                    <td>
                      <span className="proposed">{t(`tariffs.kinds.${row.proposedKind}`)}</span>
                      <small className="reason">{reason(row.reason)}</small>
                    </td>
                    <td>
                      <KindSelect name={row.name} value={row.kind} disabled={saving} onChange={(kind) => void save([{ id: row.id, kind }])} />
                    </td>
                    <td>
                      {row.confirmed ? (
                        <span className="status confirmed">✓ {t('tariffs.confirmed')}</span>
                      ) : (
                        <button type="button" className="quiet confirm" disabled={saving} onClick={() => void save([{ id: row.id, kind: row.kind }])}>
                          {t('tariffs.confirm')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {shown.length === 0 && <p className="muted empty">{t('tariffs.noneToConfirm')}</p>}
          </div>
        </>
      )}
      {seasons.value && <KindEffects seasons={seasons.value} />}
    </section>
  );
}
