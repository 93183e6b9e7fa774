/** The export log: every list that left the app, newest first (append-only). */
import { useTranslation } from 'react-i18next';
import { EXCLUSION_REASONS } from '../../shared/segments-types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { describeCriteria } from '../components/segments/describe.js';
import { SegmentTabs } from '../components/segments/SegmentTabs.js';
import '../components/segments/segments.css';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';

export function SegmentsLogPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const log = useCall('segments.exportLog', {});
  const c = (key: string) => t(`segments.log.columns.${key}`);
  return (
    <section className="segments-screen">
      <header className="page-header">
        <h1>{t('segments.title')}</h1>
      </header>
      <SegmentTabs current="log" />
      <section className="panel">
        <h2>{t('segments.log.title')}</h2>
        <p className="muted">{t('segments.log.hint')}</p>
        {log.error && <ErrorMessage error={log.error} onRetry={log.reload} />}
        {log.value?.length === 0 && <p className="muted">{t('segments.log.empty')}</p>}
        {!!log.value?.length && (
          <table className="dense" data-testid="export-log">
            <thead>
              <tr>
                <th>{c('at')}</th>
                <th>{c('segment')}</th>
                <th>{c('criteria')}</th>
                <th>{c('channel')}</th>
                <th>{c('format')}</th>
                <th className="num">{c('rows')}</th>
                <th className="num">{c('excluded')}</th>
                <th>{c('file')}</th>
              </tr>
            </thead>
            <tbody>
              {log.value.map((e) => (
                <tr key={e.id}>
                  <td>{f.dateTime(e.at)}</td>
                  <td>{e.segmentName ?? '—'}</td>
                  <td className="criteria-cell">{e.criteria ? describeCriteria(e.criteria, t, f) : '—'}</td>
                  <td>{e.channel ? t(`segments.channels.${e.channel}`) : '—'}</td>
                  <td>{e.format ?? e.what}</td>
                  <td className="num">{f.number(e.rows)}</td>
                  <td
                    className="num"
                    title={EXCLUSION_REASONS.filter((r) => e.excludedByReason[r])
                      .map((r) => `${t(`segments.export.reasons.${r}`)} : ${f.number(e.excludedByReason[r]!)}`)
                      .join('\n')}
                  >
                    {f.number(e.excluded)}
                  </td>
                  <td className="mono">{e.fileName ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
