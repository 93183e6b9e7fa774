/** The rejected lines of an import with their reasons, and a CSV of all of them to download. */
import { useTranslation } from 'react-i18next';
import type { ImportReject } from '../../shared/types.js';
import { call } from '../api.js';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';
import { downloadText } from '../lib/download.js';
import { rejectsCsv } from '../lib/rejects-csv.js';
import { ErrorMessage } from './ErrorMessage.js';

const SHOWN = 200;

export function RejectsPanel({ importId, fallback }: { importId: number | null; fallback: ImportReject[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const page = useCall('imports.rejects', importId === null ? null : { importId, limit: SHOWN });
  const rows = page.value?.rows ?? fallback;
  const total = page.value?.total ?? fallback.length;

  const download = async () => {
    let all = rows;
    if (importId !== null && total > rows.length) {
      const result = await call('imports.rejects', { importId, limit: 100_000 });
      if (result.ok) all = result.value.rows;
    }
    const headers = {
      file: t('import.rejectFile'),
      line: t('import.rejectLine'),
      column: t('import.rejectColumn'),
      reason: t('import.rejectReason'),
      raw: t('import.rejectRaw'),
    };
    downloadText(rejectsCsv(all, headers), `parterre-rejets-${importId ?? 'verification'}.csv`);
  };

  return (
    <section className="panel">
      <header>
        <h2>{t('import.rejects')}</h2>
        {total > 0 && (
          <button type="button" onClick={() => void download()}>
            {t('import.downloadRejects')}
          </button>
        )}
      </header>
      {page.error && <ErrorMessage error={page.error} onRetry={page.reload} />}
      {total === 0 ? (
        <p className="muted">{t('import.noRejects')}</p>
      ) : (
        <>
          <p className="muted">{t('import.rejectsShown', { shown: f.number(rows.length), total: f.number(total) })}</p>
          <div className="scroll-box">
            <table className="dense rejects">
              <thead>
                <tr>
                  <th scope="col">{t('import.rejectFile')}</th>
                  <th scope="col" className="num">{t('import.rejectLine')}</th>
                  <th scope="col" className="num">{t('import.rejectColumn')}</th>
                  <th scope="col">{t('import.rejectReason')}</th>
                  <th scope="col">{t('import.rejectRaw')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((reject, index) => (
                  <tr key={`${reject.file}-${reject.line}-${index}`}>
                    <td>{reject.file}</td>
                    <td className="num">{f.number(reject.line)}</td>
                    <td className="num">{reject.column === null ? '—' : f.number(reject.column)}</td>
                    <td>{reject.reason}</td>
                    <td className="raw">{reject.raw}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
