/**
 * Export of the segment for a mailing tool: channel, format, the consent-age option; the file is
 * downloaded (browser mode) and the counts of who was left out, and why, are shown. Also the
 * printed A4 list (PrintSheet), logged the same way.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createPortal } from 'react-dom';
import type { CallError } from '../../../shared/contract.js';
import { CONSENT_CHANNELS, type ConsentChannel, type Criteria } from '../../../shared/segments-criteria.js';
import { EXCLUSION_REASONS, EXPORT_FORMATS, type ExportFormat, type ExportResult, type PrintList } from '../../../shared/segments-types.js';
import { call } from '../../api.js';
import { useFormat } from '../../hooks/useFormat.js';
import { downloadText } from '../../lib/download.js';
import { ErrorMessage } from '../ErrorMessage.js';
import { PrintSheet } from './PrintSheet.js';

export function ExportPanel({ segmentId, criteria, onExported }: { segmentId: number | null; criteria: Criteria | null; onExported?: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [channel, setChannel] = useState<ConsentChannel>('email');
  const [format, setFormat] = useState<ExportFormat>('brevo');
  const [limitAge, setLimitAge] = useState(false);
  const [years, setYears] = useState(3);
  const [result, setResult] = useState<ExportResult | PrintList | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [printing, setPrinting] = useState<PrintList | null>(null);
  const target = segmentId !== null ? { id: segmentId } : criteria ? { criteria } : null;
  const maxConsentAgeYears = limitAge ? years : undefined;

  const run = async () => {
    if (!target) return;
    const answer = await call('segments.export', { ...target, channel, format, maxConsentAgeYears });
    if (!answer.ok) return setError(answer.error);
    setError(null);
    setResult(answer.value);
    downloadText((answer.value.bom ? '\uFEFF' : '') + answer.value.content, answer.value.fileName, answer.value.mimeType);
    onExported?.();
  };
  const print = async () => {
    if (!target) return;
    const answer = await call('segments.print', { ...target, channel, maxConsentAgeYears });
    if (!answer.ok) return setError(answer.error);
    setError(null);
    setResult(answer.value);
    setPrinting(answer.value);
    onExported?.();
    // After the sheet is in the page; it stays there (hidden on screen) until the next print.
    setTimeout(() => window.print(), 50);
  };
  const left = result ? Object.values(result.excluded).reduce((a, b) => a + b, 0) : 0;
  const exported = result ? ('fileName' in result ? result.rows : result.rows.length) : 0;
  return (
    <section className="panel export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('segments.export.title')}</h2>
      <p className="muted small">{t('segments.export.consentNote')}</p>
      <div className="toolbar">
        <label>
          {t('segments.export.channel')}{' '}
          <select value={channel} onChange={(e) => setChannel(e.target.value as ConsentChannel)} data-testid="export-channel">
            {CONSENT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`segments.channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('segments.export.format')}{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
            {EXPORT_FORMATS.map((x) => (
              <option key={x} value={x}>
                {t(`segments.export.formats.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={limitAge} onChange={(e) => setLimitAge(e.target.checked)} />
          {t('segments.export.maxAge')}
        </label>
        <input type="number" className="number" min={1} max={50} value={years} disabled={!limitAge} aria-label={t('segments.export.years')} onChange={(e) => setYears(Number(e.target.value) || 1)} />
        <span>{t('segments.export.years')}</span>
      </div>
      <div className="toolbar">
        <button type="button" className="primary" disabled={!target} onClick={() => void run()}>
          {t('segments.export.run')}
        </button>
        <button type="button" disabled={!target} onClick={() => void print()}>
          {t('segments.export.print')}
        </button>
        {!target && <span className="muted">{t('segments.export.saveFirst')}</span>}
      </div>
      {error && <ErrorMessage error={error} />}
      {result && (
        <div className="notice" data-testid="export-result">
          <p>
            {t('segments.export.done', {
              exported: t('segments.export.exported', { count: exported, formatted: f.number(exported) }),
              file: 'fileName' in result ? result.fileName : t('segments.export.print'),
              left: t('segments.export.leftOut', { count: left, formatted: f.number(left) }),
              total: f.number(result.segmentCount),
            })}
          </p>
          <ul>
            {EXCLUSION_REASONS.filter((r) => result.excluded[r] > 0).map((r) => (
              <li key={r}>
                {t(`segments.export.reasons.${r}`)} : {f.number(result.excluded[r])}
              </li>
            ))}
          </ul>
        </div>
      )}
      {printing && createPortal(<PrintSheet list={printing} />, document.body)}
    </section>
  );
}
