/** The frame: sidebar + the current page; the home page depends on whether the base is empty. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent } from './api.js';
import { ErrorMessage } from './components/ErrorMessage.js';
import { useCall } from './hooks/useCall.js';
import { navigate, useHashRoute } from './hooks/useHashRoute.js';
import { CustomerPage } from './pages/CustomerPage.js';
import { CustomersPage } from './pages/CustomersPage.js';
import { ImportPage } from './pages/ImportPage.js';
import { SibilPage } from './pages/SibilPage.js';
import { WelcomePage } from './pages/WelcomePage.js';
import { Sidebar } from './components/Sidebar.js';

export function App() {
  const route = useHashRoute();
  const { t } = useTranslation();
  // Re-read on each visit of the home page: an import may just have filled the base.
  const info = useCall('app.info', route.page === 'home' ? {} : null);

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
  else if (route.page === 'customers') page = <CustomersPage />;
  else if (route.page === 'import') page = <ImportPage />;
  else if (route.page === 'sibil') page = <SibilPage />;
  else if (info.error) page = <ErrorMessage error={info.error} onRetry={info.reload} />;
  else if (!info.value) page = <p className="muted">{t('app.loading')}</p>;
  else if (info.value.counts.customers === 0 && info.value.counts.tickets === 0) page = <WelcomePage />;
  else page = <CustomersPage />;

  return (
    <div className="shell">
      <Sidebar current={route.page === 'home' && info.value && info.value.counts.tickets > 0 ? 'customers' : route.page} />
      <main className="content">{page}</main>
    </div>
  );
}
