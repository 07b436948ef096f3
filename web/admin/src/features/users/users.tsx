// Users: find by name or email, filter by role or state; disable and enable an account; grant
// and revoke roles (they apply to tokens issued afterwards).
import { useState } from 'react';
import { useParams, Link } from 'react-router-dom';
import { useLoad } from '@codeflix/web-shared/hooks';
import { useI18n } from '@codeflix/web-shared/i18n';
import { ErrorMessage, errorText, Loading } from '@codeflix/web-shared/status';
import { USERS, useCall } from '../../api/client';
import { ROLES, type Role, type User } from '../../api/types';
import { ListPage } from '../../components/ListPage';

export function UserList() {
  const { t, formatDate } = useI18n();
  return (
    <ListPage<User>
      title={t('nav.users')}
      api={USERS}
      defaultSort="created_at"
      rowLink={(u) => `/users/${u.id}`}
      filters={[
        { name: 'role', label: t('field.role'), options: ROLES.map((r) => ({ value: r, label: r })) },
        { name: 'enabled', label: t('user.enabled'), options: [{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }] },
      ]}
      columns={[
        { label: t('field.name'), sort: 'display_name', render: (u) => u.display_name },
        { label: t('field.email'), sort: 'email', render: (u) => u.email },
        { label: t('field.roles'), render: (u) => u.roles.filter((r) => r !== 'user').join(', ') || '—' },
        { label: t('field.status'), render: (u) => (u.enabled ? (u.locked ? t('user.locked') : t('user.active')) : t('user.disabled')) },
        { label: t('field.created'), sort: 'created_at', render: (u) => formatDate(u.created_at) },
      ]}
    />
  );
}

export function UserPage() {
  const { t, formatDate } = useI18n();
  const { id } = useParams();
  const call = useCall();
  const loaded = useLoad(async (signal) => (await call<User>(`${USERS}/${id}`, { signal })).body, [id]);
  // What the last action answered, for this user only.
  const [changed, setUser] = useState<User | null>(null);
  const user = changed?.id === id ? changed : null;
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [working, setWorking] = useState(false);
  if (loaded.error) return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  const u = user ?? loaded.data;
  if (!u) return <Loading />;

  const change = async (url: string, method: string, done: string) => {
    setWorking(true);
    try {
      setUser((await call<User>(url, { method })).body);
      setNotice({ ok: true, text: done });
    } catch (error) {
      setNotice({ ok: false, text: errorText(error, t) });
    } finally {
      setWorking(false);
    }
  };
  const toggleRole = (role: Role, on: boolean) =>
    change(`${USERS}/${u.id}/roles/${role}`, on ? 'PUT' : 'DELETE', t(on ? 'user.granted' : 'user.revoked', { role }));
  return (
    <section className="detail-page">
      <p>
        <Link to="/users">← {t('common.back')}</Link>
      </p>
      <h1>{u.display_name}</h1>
      {notice && (
        <p className={`notice ${notice.ok ? 'ok' : 'error'}`} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      <dl className="facts">
        <dt>{t('field.email')}</dt>
        <dd>{u.email}</dd>
        <dt>{t('field.status')}</dt>
        <dd>{u.enabled ? (u.locked ? t('user.locked') : t('user.active')) : t('user.disabled')}</dd>
        <dt>{t('field.created')}</dt>
        <dd>{formatDate(u.created_at)}</dd>
      </dl>
      <button
        type="button"
        className={u.enabled ? 'button danger' : 'button'}
        disabled={working}
        onClick={() => void change(`${USERS}/${u.id}/${u.enabled ? 'disable' : 'enable'}`, 'POST', u.enabled ? t('user.disabledNow') : t('user.enabledNow'))}
      >
        {u.enabled ? t('user.disable') : t('user.enable')}
      </button>
      <fieldset className="field-group">
        <legend>{t('field.roles')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="check-line">
            <input type="checkbox" checked={u.roles.includes(role)} disabled={working || role === 'user'} onChange={(event) => void toggleRole(role, event.target.checked)} />
            {role}
            <small className="hint"> {t(`role.${role}`)}</small>
          </label>
        ))}
        <small className="hint">{t('user.rolesApply')}</small>
      </fieldset>
    </section>
  );
}
