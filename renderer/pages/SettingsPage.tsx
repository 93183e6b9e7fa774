/** « Paramètres »: the venue's name, when a season starts, the language, the database. */
import { useTranslation } from 'react-i18next';
import { DatabaseSettings } from '../components/settings/DatabaseSettings.js';
import { LanguageSetting } from '../components/settings/LanguageSetting.js';
import { SeasonStartSetting } from '../components/settings/SeasonStartSetting.js';
import { VenueNameSetting } from '../components/settings/VenueNameSetting.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { useCall } from '../hooks/useCall.js';
import './settings.css';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useCall('settings.get', {});
  return (
    <section className="settings-page">
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      {settings.error && <ErrorMessage error={settings.error} onRetry={settings.reload} />}
      {!settings.value && !settings.error && <p className="muted">{t('app.loading')}</p>}
      {settings.value && (
        <>
          <VenueNameSetting saved={settings.value.venueName} onSaved={settings.reload} />
          <SeasonStartSetting saved={settings.value.seasonStartMonth} onSaved={settings.reload} />
        </>
      )}
      <LanguageSetting />
      <DatabaseSettings />
    </section>
  );
}
