/**
 * Which database is open, always in sight in the sidebar: a « Démonstration » badge with a way
 * out while the demo is open, else the name of the venue's own file. The full path on hover.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api.js';
import { navigate } from '../hooks/useHashRoute.js';
import { setOpenDatabase, useOpenDatabase } from '../lib/open-database.js';
import '../styles/database.css';

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function DatabaseBadge() {
  const { t } = useTranslation();
  const info = useOpenDatabase();
  const [leaving, setLeaving] = useState(false);
  if (!info) return null;
  const title = t('database.badgeTitle', { path: info.path });

  const leave = async () => {
    setLeaving(true);
    const result = await call('demo.leave', {});
    setLeaving(false);
    if (result.ok) {
      setOpenDatabase(result.value);
      navigate({ page: 'home' });
    }
  };

  if (info.kind === 'own') {
    return (
      <div className="database-badge own" title={title} data-testid="database-badge" data-kind="own">
        <span className="label">{t('database.own')}</span>
        <span className="file">{fileName(info.path)}</span>
      </div>
    );
  }
  return (
    <div className="database-badge demo" title={title} data-testid="database-badge" data-kind="demo">
      <span className="badge">{t('database.demo')}</span>
      <span className="file">{t('database.demoExplained')}</span>
      <button type="button" onClick={() => void leave()} disabled={leaving}>
        {leaving ? t('database.leaving') : t('database.leaveDemo')}
      </button>
    </div>
  );
}
