/** A quartile band as a badge: colour and text both carry the meaning (readable without colour). */
import { useTranslation } from 'react-i18next';
import { BANDS, type Band } from '../../shared/types.js';

export function BandBadge({ band }: { band: Band | null | undefined }) {
  const { t } = useTranslation();
  if (!band) return <span className="muted">—</span>;
  return <span className={`band band-${BANDS.indexOf(band)}`}>{t(`bands.${band}`)}</span>;
}
