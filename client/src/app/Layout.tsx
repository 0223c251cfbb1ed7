import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useCurrentUser, useSession } from '../features/auth/session-context';
import { DisplaySettings } from '../features/display/DisplaySettings';
import { PackStatus } from '../features/documents/pack/PackStatus';
import { SearchBox } from '../features/search/SearchBox';
import { Button } from '../ui/Button';
import { ConnectionStatus } from './ConnectionStatus';
import { Emblem } from './Emblem';
import { LanguageSwitch } from './LanguageSwitch';

export function Layout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const [leaving, setLeaving] = useState(false);

  const onLogout = () => {
    setLeaving(true);
    logout().catch(() => setLeaving(false));
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar__brand">
          <Emblem size={40} />
          <div>
            <p className="topbar__org">{t('app.organization')}</p>
            <p className="topbar__name">{t('app.name')}</p>
          </div>
        </div>
        <nav className="topbar__nav" aria-label={t('nav.main')}>
          <NavLink to="/" end className="navlink">
            {t('nav.home')}
          </NavLink>
          {user.role === 'secretary' && (
            <NavLink to="/cuoc-hop" className="navlink" data-testid="nav-meetings">
              {t('nav.meetings')}
            </NavLink>
          )}
          {user.role !== 'admin' && (
            <NavLink to="/nhiem-vu" className="navlink" data-testid="nav-my-tasks">
              {t('tasks.mine')}
            </NavLink>
          )}
          {user.role === 'admin' && (
            <NavLink to="/quan-tri/nguoi-dung" className="navlink" data-testid="nav-admin-users">
              {t('nav.adminUsers')}
            </NavLink>
          )}
        </nav>
        <SearchBox />
        <div className="topbar__tools">
          <PackStatus />
          <ConnectionStatus />
          <LanguageSwitch />
          <DisplaySettings />
          <NavLink to="/doi-mat-khau" className="topbar__user" title={t('nav.changePassword')}>
            <span className="avatar" aria-hidden="true">
              {initials(user.fullName)}
            </span>
            <span className="topbar__user-text">
              <span className="topbar__user-name" data-testid="user-name">
                {user.fullName}
              </span>
              {user.position && <span className="topbar__user-position">{user.position}</span>}
            </span>
          </NavLink>
          <Button variant="ghost" onClick={onLogout} busy={leaving} data-testid="logout" className="topbar__logout">
            {leaving ? t('nav.loggingOut') : t('nav.logout')}
          </Button>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const last = parts[parts.length - 1];
  return (parts.length > 1 ? parts[0][0] + last[0] : last.slice(0, 2)).toLocaleUpperCase('vi');
}
