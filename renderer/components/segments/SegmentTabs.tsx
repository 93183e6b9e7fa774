/** The Segments section's tabs: builder, overlap, affinities, export log. */
import { useTranslation } from 'react-i18next';
import { routeHref, type SegmentsTab } from '../../hooks/useHashRoute.js';

const TABS: SegmentsTab[] = ['builder', 'overlap', 'affinities', 'log'];

export function SegmentTabs({ current }: { current: SegmentsTab }) {
  const { t } = useTranslation();
  return (
    <nav className="segment-tabs" aria-label={t('segments.title')}>
      {TABS.map((tab) => (
        <a key={tab} href={routeHref({ page: 'segments', tab })} aria-current={tab === current ? 'page' : undefined}>
          {t(`segments.tabs.${tab}`)}
        </a>
      ))}
    </nav>
  );
}
