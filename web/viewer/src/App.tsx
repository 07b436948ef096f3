// The viewer's screens. The player's screen is in the main bundle (a lazy route would hold the
// Play press behind React's Suspense reveal, about 300 ms); its engines, hls.js and dash.js,
// are loaded only when a title plays.
import { Link, Route, Routes } from 'react-router-dom';
import { useI18n } from '@codeflix/web-shared/i18n';
import { Layout } from './components/Layout';
import { AccountPage } from './features/account/AccountPage';
import { Callback } from '@codeflix/web-shared/callback';
import { Home } from './features/home/Home';
import { CheckoutPage } from './features/plans/CheckoutPage';
import { PlansPage } from './features/plans/PlansPage';
import { SearchPage } from './features/search/SearchPage';
import { TitlePage } from './features/title/TitlePage';

import PlayerPage from './features/player/PlayerPage';

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="panel narrow">
      <h1>{t('common.notFound')}</h1>
      <Link to="/">{t('common.backHome')}</Link>
    </div>
  );
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="title/:id" element={<TitlePage />} />
        <Route path="plans" element={<PlansPage />} />
        <Route path="checkout/:planId" element={<CheckoutPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="callback" element={<Callback basePath="/" />} />
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route path="watch/:id" element={<PlayerPage />} />
    </Routes>
  );
}
