// The admin's screens. Each section asks for its role (catalog-admin, subscription-admin,
// identity-admin); the frame shows only the sections the signed-in admin's roles open.
import { Route, Routes } from 'react-router-dom';
import { Callback } from '@codeflix/web-shared/callback';
import { useI18n } from '@codeflix/web-shared/i18n';
import { Layout, RequireRole, Start, type AdminRole } from './components/Layout';
import { CastMemberEdit, CastMemberList } from './features/catalog/castMembers';
import { CategoryEdit, CategoryList } from './features/catalog/categories';
import { GenreEdit, GenreList } from './features/catalog/genres';
import { VideoMedia } from './features/catalog/media';
import { VideoEdit, VideoList } from './features/catalog/videos';
import { PlanEdit, PlanList } from './features/subscriptions/plans';
import { SubscriberList, SubscriptionPage } from './features/subscriptions/subscribers';
import { UserList, UserPage } from './features/users/users';

const SCREENS: [string, AdminRole, () => React.JSX.Element][] = [
  ['videos', 'catalog-admin', VideoList],
  ['videos/new', 'catalog-admin', VideoEdit],
  ['videos/:id', 'catalog-admin', VideoEdit],
  ['videos/:id/media', 'catalog-admin', VideoMedia],
  ['categories', 'catalog-admin', CategoryList],
  ['categories/new', 'catalog-admin', CategoryEdit],
  ['categories/:id', 'catalog-admin', CategoryEdit],
  ['genres', 'catalog-admin', GenreList],
  ['genres/new', 'catalog-admin', GenreEdit],
  ['genres/:id', 'catalog-admin', GenreEdit],
  ['cast-members', 'catalog-admin', CastMemberList],
  ['cast-members/new', 'catalog-admin', CastMemberEdit],
  ['cast-members/:id', 'catalog-admin', CastMemberEdit],
  ['plans', 'subscription-admin', PlanList],
  ['plans/new', 'subscription-admin', PlanEdit],
  ['plans/:id', 'subscription-admin', PlanEdit],
  ['subscribers', 'subscription-admin', SubscriberList],
  ['subscriptions/:id', 'subscription-admin', SubscriptionPage],
  ['users', 'identity-admin', UserList],
  ['users/:id', 'identity-admin', UserPage],
];

function NotFound() {
  const { t } = useI18n();
  return <p className="panel narrow">{t('common.notFound')}</p>;
}

export function App() {
  return (
    <Routes>
      <Route path="callback" element={<Callback basePath="/admin/" />} />
      <Route element={<Layout />}>
        <Route index element={<Start />} />
        {SCREENS.map(([path, role, Screen]) => (
          <Route
            key={path}
            path={path}
            element={
              <RequireRole role={role}>
                <Screen />
              </RequireRole>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
