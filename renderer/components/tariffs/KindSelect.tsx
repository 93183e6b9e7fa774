/** The kind of one tariff, chosen among the four SIBIL and the season report count. */
import { useTranslation } from 'react-i18next';
import { TARIFF_KINDS, type TariffKindName } from '../../../shared/tariff-types.js';

export function KindSelect({ name, value, disabled, onChange }: { name: string; value: TariffKindName; disabled: boolean; onChange: (kind: TariffKindName) => void }) {
  const { t } = useTranslation();
  return (
    <select aria-label={t('tariffs.kindFor', { name })} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value as TariffKindName)}>
      {TARIFF_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {t(`tariffs.kinds.${kind}`)}
        </option>
      ))}
    </select>
  );
}
