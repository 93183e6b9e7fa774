/** An empty base: two big ways in — import an export, or load the demonstration data. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract.js';
import { call } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ImportProgressPanel } from '../components/ImportProgressPanel.js';
import { navigate } from '../hooks/useHashRoute.js';
import { useImportProgress } from '../hooks/useImportProgress.js';
import { setOpenDatabase } from '../lib/open-database.js';

export function WelcomePage() {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const progress = useImportProgress(loading);

  const loadDemo = async () => {
    setError(null);
    setLoading(true);
    const result = await call('demo.load', {});
    setLoading(false);
    if (result.ok) {
      // The demonstration opened in a database of its own: the sidebar says so.
      setOpenDatabase(result.value.database);
      navigate({ page: 'customers' });
    }
    else setError(result.error);
  };

  return (
    <section className="welcome">
      <h1>{t('welcome.title')}</h1>
      <p className="lead">{t('welcome.intro')}</p>
      <div className="big-actions">
        <button type="button" className="big primary" onClick={() => navigate({ page: 'import' })} disabled={loading}>
          <span>{t('welcome.import')}</span>
          <small>{t('welcome.importHint')}</small>
        </button>
        <button type="button" className="big" onClick={() => void loadDemo()} disabled={loading}>
          <span>{t('welcome.demo')}</span>
          <small>{t('welcome.demoHint')}</small>
        </button>
      </div>
      {loading && (
        <div className="panel">
          <p>{t('welcome.demoLoading')}</p>
          <ImportProgressPanel progress={progress} label={t('welcome.demoLoading')} />
        </div>
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
