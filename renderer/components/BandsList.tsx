/** Where the customer stands among all customers, for the four banded indicators. */
import { useTranslation } from 'react-i18next';
import { BANDED_INDICATORS, type CustomerRecord } from '../../shared/types.js';
import { BandBadge } from './BandBadge.js';

export function BandsList({ bands }: { bands: CustomerRecord['bands'] }) {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <h2>{t('customer.bands')}</h2>
      {!bands ? (
        <p className="muted">{t('customer.noBands')}</p>
      ) : (
        <dl className="pairs">
          {BANDED_INDICATORS.map((indicator) => (
            <div key={indicator} className="pair" data-band={indicator}>
              <dt>{t(`indicators.${indicator}`)}</dt>
              <dd>
                <BandBadge band={bands[indicator]} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
