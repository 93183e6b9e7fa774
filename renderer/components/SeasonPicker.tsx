/** Chooses the season a page shows; the latest one when none is chosen. */
import { useTranslation } from 'react-i18next';

interface Props {
  seasons: { seasonYear: number; label: string }[];
  value: string;
  onChange: (label: string) => void;
}

export function SeasonPicker({ seasons, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <label className="season-picker">
      {t('reports.season')}{' '}
      <select aria-label={t('reports.seasonPicker')} value={value} onChange={(event) => onChange(event.target.value)}>
        {[...seasons].reverse().map((s) => (
          <option key={s.seasonYear} value={s.label}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  );
}
