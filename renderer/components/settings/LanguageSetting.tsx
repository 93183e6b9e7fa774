/** The interface's language, remembered on this computer (as the sidebar's FR/EN buttons). */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../../i18n/index.js';

export function LanguageSetting() {
  const { t, i18n } = useTranslation();
  return (
    <section className="panel settings-section" aria-labelledby="settings-language">
      <h2 id="settings-language">{t('settings.language.title')}</h2>
      <fieldset className="setting-row choices">
        <legend className="sr-only">{t('settings.language.label')}</legend>
        {LANGUAGES.map((language) => (
          <label key={language} className="check">
            <input type="radio" name="language" value={language} checked={i18n.language === language} onChange={() => setLanguage(language)} />
            <span lang={language}>{t(`settings.language.${language}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="muted hint">{t('settings.language.hint')}</p>
    </section>
  );
}
