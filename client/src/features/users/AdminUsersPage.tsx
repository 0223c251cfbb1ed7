import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDto } from '@phonghop/shared';
import { useErrorMessage } from '../../i18n/use-error-message';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';
import { useToast } from '../../ui/Toast';
import { useCurrentUser } from '../auth/session-context';
import { AnnounceForm } from './AnnounceForm';
import { CreateUserDialog } from './CreateUserDialog';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { roleLabelKey } from './role-labels';
import { usersApi } from './users.api';

export function AdminUsersPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const toast = useToast();
  const describeError = useErrorMessage();
  const [users, setUsers] = useState<UserDto[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserDto | null>(null);
  const [pendingId, setPendingId] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    usersApi
      .list(controller.signal)
      .then((list) => {
        setUsers(list);
        setLoadError(null);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setLoadError(err);
      });
    return () => controller.abort();
  }, [reloadKey]);

  const replace = useCallback((updated: UserDto) => setUsers((list) => list?.map((u) => (u.id === updated.id ? updated : u)) ?? null), []);

  const toggleDisabled = async (user: UserDto) => {
    setPendingId(user.id);
    try {
      const updated = await usersApi.update(user.id, { disabled: !user.disabled });
      replace(updated);
      toast.show({ tone: 'success', message: t(updated.disabled ? 'users.disabledDone' : 'users.enabledDone', { name: updated.fullName }) });
    } catch (err) {
      toast.show({ tone: 'error', message: describeError(err) });
    } finally {
      setPendingId(null);
    }
  };

  const dateFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' });
  const sorted = users ? [...users].sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')) : null;

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1 data-testid="page-title">{t('users.title')}</h1>
          {sorted && <p className="muted">{t('users.count', { count: sorted.length })}</p>}
        </div>
        <div className="page__actions">
          <Button variant="secondary" onClick={() => setReloadKey((k) => k + 1)}>
            {t('users.refresh')}
          </Button>
          <Button onClick={() => setCreating(true)} data-testid="add-user">
            {t('users.add')}
          </Button>
        </div>
      </div>

      {loadError !== null && <Alert tone="error">{describeError(loadError)}</Alert>}
      {sorted === null && loadError === null && (
        <div className="center-block">
          <Spinner size="lg" label={t('app.loading')} />
        </div>
      )}

      {sorted && (
        <div className="table-wrap card">
          <table className="table">
            <caption className="visually-hidden">{t('users.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.fullName')}</th>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.position')}</th>
                <th scope="col">{t('users.unit')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.lastLogin')}</th>
                <th scope="col" className="table__actions-col">
                  {t('users.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.length === 0 && (
                <tr>
                  <td colSpan={8} className="muted">
                    {t('users.empty')}
                  </td>
                </tr>
              )}
              {sorted.map((user) => {
                const isMe = user.id === me.id;
                return (
                  <tr key={user.id} className={user.disabled ? 'is-disabled' : undefined} data-username={user.username}>
                    <td data-label={t('users.fullName')} className="table__primary">
                      <strong>{user.fullName}</strong> {isMe && <span className="muted">{t('users.you')}</span>}
                    </td>
                    <td data-label={t('users.username')} className="mono">{user.username}</td>
                    <td data-label={t('users.position')}>{user.position}</td>
                    <td data-label={t('users.unit')}>{user.unit}</td>
                    <td data-label={t('users.role')}>
                      <span className={`badge badge--role-${user.role}`}>{t(roleLabelKey(user.role))}</span>
                    </td>
                    <td data-label={t('users.status')}>
                      <span className={`badge ${user.disabled ? 'badge--off' : 'badge--on'}`}>{t(user.disabled ? 'users.disabled' : 'users.active')}</span>
                      {user.mustChangePassword && !user.disabled && <span className="badge badge--warn">{t('users.mustChange')}</span>}
                    </td>
                    <td data-label={t('users.lastLogin')} className="nowrap">{user.lastLoginAt ? dateFormat.format(new Date(user.lastLoginAt)) : <span className="muted">{t('users.never')}</span>}</td>
                    <td className="table__actions-cell">
                      <div className="table__actions">
                      <Button
                        variant="secondary"
                        onClick={() => setResetting(user)}
                        aria-label={t('users.resetPasswordLabel', { name: user.fullName })}
                        title={t('users.resetPasswordLabel', { name: user.fullName })}
                      >
                        {t('users.resetPassword')}
                      </Button>
                      <Button
                        variant={user.disabled ? 'secondary' : 'danger'}
                        onClick={() => void toggleDisabled(user)}
                        busy={pendingId === user.id}
                        disabled={isMe}
                        aria-label={t(user.disabled ? 'users.enableLabel' : 'users.disableLabel', { name: user.fullName })}
                      >
                        {t(user.disabled ? 'users.enable' : 'users.disable')}
                      </Button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <AnnounceForm />

      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setUsers((list) => (list ? [...list, user] : [user]));
          toast.show({ tone: 'success', message: t('users.created', { name: user.fullName }) });
        }}
      />
      <ResetPasswordDialog
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) => {
          setReloadKey((k) => k + 1);
          toast.show({ tone: 'success', message: t('users.resetDone', { name: user.fullName }) });
        }}
      />
    </div>
  );
}
