/** The page frame (skip link, header, main, footer, live region) and the route switch. */
import { useEffect, useState } from 'preact/hooks';
import { Header } from '../components/Header';
import { Footer } from '../components/Footer';
import { getLocale, onLocaleChange } from '../i18n';
import { LiveAnnouncer } from './announcer';
import { matchRoute, useLocation } from './router';
import { routes } from './routes';
import { SessionProvider } from './session';
import { t } from '../i18n';
import { HomePage } from '../pages/home/HomePage';
import { SignInPage } from '../pages/account/SignInPage';
import { RegisterPage } from '../pages/account/RegisterPage';
import { SignOutPage } from '../pages/account/SignOutPage';
import { CommunityPage } from '../pages/community/CommunityPage';
import { CommunityLogPage } from '../pages/community/CommunityLogPage';
import { AskQuestionPage } from '../pages/ask/AskQuestionPage';
import { ThreadPage } from '../pages/thread/ThreadPage';
import { FaqEntryPage } from '../pages/faq/FaqEntryPage';
import { NotificationsPage } from '../pages/notifications/NotificationsPage';
import { ProfilePage } from '../pages/profile/ProfilePage';
import { AdminPage } from '../pages/admin/AdminPage';
import { BookmarksPage } from '../pages/bookmarks/BookmarksPage';
import { SearchPage } from '../pages/search/SearchPage';
import { VerifyEmailPage } from '../pages/account/VerifyEmailPage';
import { ModerationPage } from '../pages/moderation/ModerationPage';
import { VerificationBanner } from '../components/VerificationBanner';
import { NotFoundPage } from '../pages/NotFoundPage';

function CurrentPage({ pathname, search }: { pathname: string; search: string }) {
  const match = matchRoute(routes, pathname);
  if (!match) return <NotFoundPage />;
  const { params } = match;
  switch (match.name) {
    case 'home':
      return <HomePage />;
    case 'signIn':
      return <SignInPage search={search} />;
    case 'register':
      return <RegisterPage />;
    case 'signOut':
      return <SignOutPage />;
    case 'community':
      return <CommunityPage slug={params.slug!} tab="threads" search={search} />;
    case 'faq':
      return <CommunityPage slug={params.slug!} tab="faq" search={search} />;
    case 'ask':
      return <AskQuestionPage slug={params.slug!} />;
    case 'communityLog':
      return <CommunityLogPage slug={params.slug!} />;
    case 'thread':
      return <ThreadPage id={params.id!} search={search} />;
    case 'faqEntry':
      return <FaqEntryPage id={params.id!} />;
    case 'notifications':
      return <NotificationsPage />;
    case 'profile':
      return <ProfilePage />;
    case 'admin':
      return <AdminPage />;
    case 'bookmarks':
      return <BookmarksPage />;
    case 'search':
      return <SearchPage search={search} />;
    case 'verifyEmail':
      return <VerifyEmailPage search={search} />;
    case 'moderation':
      return <ModerationPage search={search} />;
  }
}

export function App() {
  const { pathname, search } = useLocation();
  const [locale, setLocale] = useState(getLocale());
  useEffect(() => onLocaleChange(setLocale), []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <SessionProvider>
      {/* Re-mount on language change so every string is read again from the dictionary. */}
      <div key={locale} class="piazza-app">
        <div class="skiplinks">
          <a class="visually-hidden-focusable" href="#main">
            {t('app.skipToContent')}
          </a>
        </div>
        <Header pathname={pathname} />
        <main id="main" class="container my-4" tabIndex={-1}>
          {pathname !== '/verifica-email' && <VerificationBanner />}
          <CurrentPage key={pathname} pathname={pathname} search={search} />
        </main>
        <Footer />
      </div>
      <LiveAnnouncer />
    </SessionProvider>
  );
}
