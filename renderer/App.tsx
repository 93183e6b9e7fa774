/** The frame: sidebar + the current page; the home page depends on whether the base is empty. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent } from './api.js';
import { ErrorMessage } from './components/ErrorMessage.js';
import { useCall } from './hooks/useCall.js';
import { navigate, useHashRoute } from './hooks/useHashRoute.js';
import { ArchivesPage } from './pages/ArchivesPage.js';
import { CustomerPage } from './pages/CustomerPage.js';
import { CustomersPage } from './pages/CustomersPage.js';
import { DashboardPage } from './pages/DashboardPage.js';
import { ReportPage } from './pages/ReportPage.js';
import { SeasonsPage } from './pages/SeasonsPage.js';
import { ImportPage } from './pages/ImportPage.js';
import { TariffsPage } from './pages/TariffsPage.js';
import { SettingsPage } from './pages/SettingsPage.js';
import { SegmentsAffinitiesPage } from './pages/SegmentsAffinitiesPage.js';
import { SegmentsLogPage } from './pages/SegmentsLogPage.js';
import { SegmentsOverlapPage } from './pages/SegmentsOverlapPage.js';
import { SegmentsPage } from './pages/SegmentsPage.js';
import { SibilPage } from './pages/SibilPage.js';
import { WelcomePage } from './pages/WelcomePage.js';
import { Sidebar } from './components/Sidebar.js';
import { useOpenDatabase } from './lib/open-database.js';

export function App() {
  const route = useHashRoute();
  const { t } = useTranslation();
  // Re-read on each visit of the home page: an import may just have filled the base.
  const info = useCall('app.info', route.page === 'home' ? {} : null);
  // Another database opened (the demonstration, or back to the venue's) or the open one emptied:
  // every page reads afresh, and the home page chooses again between welcome and the dashboard.
  const open = useOpenDatabase();
  const generation = open ? `${open.path}|${open.counts.tickets === 0}` : '';
  const { reload } = info;
  useEffect(() => {
    if (generation) reload();
  }, [generation, reload]);

  useEffect(
    () =>
      onEvent((event) => {
        if (event.type === 'menu' && event.action === 'import') navigate({ page: 'import' });
        if (event.type === 'menu' && event.action === 'print') window.print();
      }),
    [],
  );

  let page;
  if (route.page === 'customer') page = <CustomerPage id={route.id} />;
  else if (route.page === 'customers') page = <CustomersPage key={route.segmentId ?? 'all'} segmentId={route.segmentId} />;
  else if (route.page === 'segments' && route.tab === 'overlap') page = <SegmentsOverlapPage />;
  else if (route.page === 'segments' && route.tab === 'affinities') page = <SegmentsAffinitiesPage />;
  else if (route.page === 'segments' && route.tab === 'log') page = <SegmentsLogPage />;
  else if (route.page === 'segments') page = <SegmentsPage id={route.id} />;
  else if (route.page === 'import') page = <ImportPage />;
  else if (route.page === 'tariffs') page = <TariffsPage />;
  else if (route.page === 'settings') page = <SettingsPage />;
  else if (route.page === 'dashboard') page = <DashboardPage season={route.season} />;
  else if (route.page === 'seasons') page = <SeasonsPage season={route.season} />;
  else if (route.page === 'report') page = <ReportPage season={route.season} />;
  else if (route.page === 'archives') page = <ArchivesPage />;
  else if (route.page === 'sibil') page = <SibilPage />;
  else if (info.error) page = <ErrorMessage error={info.error} onRetry={info.reload} />;
  else if (!info.value) page = <p className="muted">{t('app.loading')}</p>;
  else if (info.value.counts.customers === 0 && info.value.counts.tickets === 0) page = <WelcomePage />;
  // The marketing team's first question is the season's: the dashboard (the sidebar's first item).
  else page = <DashboardPage />;

  return (
    <div className="shell">
      <Sidebar current={route.page === 'home' && info.value && info.value.counts.tickets > 0 ? 'dashboard' : route.page} />
      {/* Keyed by the database kind: a switch remounts the page, which reads the other base. */}
      <main className="content" key={open?.kind ?? 'own'}>
        {page}
      </main>
    </div>
  );
}
