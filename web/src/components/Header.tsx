/** Site header: brand, language switch and the main navigation (which wraps instead of collapsing, so it needs no script). */
import type { ComponentChildren } from 'preact';
import { useSession } from '../app/session';
import { t } from '../i18n';
import { isGlobalModerator } from '../pages/moderation/scope';
import { HeaderSearch } from './HeaderSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { Link } from './Link';
import { NotificationsNavItem } from './NotificationsNavItem';

function NavLink({ href, current, children }: { href: string; current: string; children: ComponentChildren }) {
  const active = href === '/' ? current === '/' : current.startsWith(href);
  return (
    <li>
      <Link href={href} class="piazza-nav-link" aria-current={active ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

export function Header({ pathname }: { pathname: string }) {
  const { viewer } = useSession();
  return (
    <header class="it-header-wrapper">
      <div class="it-header-slim-wrapper">
        <div class="container">
          <div class="it-header-slim-wrapper-content">
            <span class="d-lg-block navbar-brand">{t('app.owner')}</span>
            <LanguageSwitch />
          </div>
        </div>
      </div>
      <div class="it-header-center-wrapper it-small-header">
        <div class="container">
          <div class="it-header-center-content-wrapper">
            <div class="it-brand-wrapper">
              <Link href="/">
                <div class="it-brand-text">
                  <div class="it-brand-title">Piazza</div>
                  <div class="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                </div>
              </Link>
            </div>
            <div class="it-right-zone">
              <HeaderSearch pathname={pathname} />
            </div>
          </div>
        </div>
      </div>
      <div class="piazza-nav">
        <div class="container">
          <nav aria-label={t('nav.label')}>
            <ul class="piazza-nav-list">
              <NavLink href="/" current={pathname}>
                {t('nav.home')}
              </NavLink>
              {viewer && <NotificationsNavItem active={pathname.startsWith('/notifiche')} />}
              {viewer && (
                <NavLink href="/salvati" current={pathname}>
                  {t('nav.bookmarks')}
                </NavLink>
              )}
              {viewer && (
                <NavLink href="/profilo" current={pathname}>
                  {t('nav.profile')}
                </NavLink>
              )}
              {isGlobalModerator(viewer) && (
                <NavLink href="/moderazione" current={pathname}>
                  {t('nav.moderation')}
                </NavLink>
              )}
              {viewer?.role === 'ADMIN' && (
                <NavLink href="/admin" current={pathname}>
                  {t('nav.admin')}
                </NavLink>
              )}
              {viewer === null && (
                <NavLink href="/accedi" current={pathname}>
                  {t('nav.signIn')}
                </NavLink>
              )}
              {viewer === null && (
                <NavLink href="/registrati" current={pathname}>
                  {t('nav.register')}
                </NavLink>
              )}
              {viewer && (
                <NavLink href="/esci" current={pathname}>
                  {t('nav.signOut')}
                </NavLink>
              )}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}
