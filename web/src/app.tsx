import { LanguageOptions } from './hooks';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { api, ApiError, onTokens, type Me } from './api';
import { canManage, canWrite, SessionContext, type Session } from './context';
import { isLanguage, storedLanguage, storeLanguage, translator, type Language, type Translate } from './i18n';
import { groupListInstitutions, mealCountInstitutions, reportsAbsences } from './attendance';
import { connectLive } from './live';
import { AbsencesPage } from './pages/absences';
import { AdminPage } from './pages/admin';
import { ChangePasswordPage } from './pages/change-password';
import { ComposePage } from './pages/compose';
import { DeliveriesPage } from './pages/deliveries';
import { GroupAbsencesPage } from './pages/group-absences';
import { InboxPage } from './pages/inbox';
import { KitchenPage } from './pages/kitchen';
import { MarksPage } from './pages/marks';
import { MessagePage } from './pages/message';
import { PreferencesPage } from './pages/preferences';
import { ModerationPage } from './pages/moderation';
import { SentPage } from './pages/sent';
import { SentDetailPage } from './pages/sent-detail';
import { SignInPage } from './pages/sign-in';
import { navigate, onLink, usePath } from './router';

export function App() {
  const [lang, setLang] = useState<Language>(() => storedLanguage() ?? 'lv');
  const t = useMemo(() => translator(lang), [lang]);
  const [me, setMe] = useState<Me | null>(null);
  const [signedIn, setSignedIn] = useState(api.signedIn());
  const [loading, setLoading] = useState(api.signedIn());

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('appName');
  }, [lang, t]);
  useEffect(() => onTokens(() => setSignedIn(api.signedIn())), []);

  // The account's language wins when nobody chose one on this device.
  const loadMe = async () => {
    try {
      const m = await api.me();
      if (!storedLanguage() && isLanguage(m.language)) setLang(m.language);
      setMe(m);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    if (signedIn) void loadMe();
    else setMe(null);
  }, [signedIn]);

  const choose = (l: Language) => {
    storeLanguage(l);
    setLang(l);
  };

  let page;
  if (loading) page = <p role="status">{t('loading')}</p>;
  else if (!signedIn || !me) page = <SignInPage t={t} onSignedIn={() => (setLoading(true), setSignedIn(true), void loadMe())} />;
  else if (me.mustChangePassword) page = <ChangePasswordPage t={t} onChanged={() => void loadMe()} />;
  else return <SignedIn me={me} lang={lang} t={t} chooseLanguage={choose} />;
  return (
    <>
      <header class="bar">
        <span class="brand">{t('appName')}</span>
        <LanguagePicker lang={lang} t={t} choose={choose} />
      </header>
      <main id="main">{page}</main>
    </>
  );
}

function SignedIn(props: { me: Me; lang: Language; t: Translate; chooseLanguage: (l: Language) => void }) {
  const { me, lang, t } = props;
  const path = usePath();
  const [socket, setSocket] = useState<Socket | null>(null);
  const [unread, setUnread] = useState<number | null>(null);
  const [online, setOnline] = useState(true);

  useEffect(() => {
    const s = connectLive();
    // The server pushes the count on connect and after the user's own reading; a new message adds
    // one here (API.md: clients apply it themselves). Ids guard against a replay after reconnecting.
    const counted = new Set<string>();
    s.on('unread:count', (p: { count: number }) => setUnread(p.count));
    s.on('message:new', (m: { id: string }) => {
      if (counted.has(m.id)) return;
      counted.add(m.id);
      setUnread((n) => (n ?? 0) + 1);
    });
    s.on('connect', () => setOnline(true));
    s.on('disconnect', () => setOnline(false));
    // A refused handshake (an access token that expired while the page was open) is not retried by
    // socket.io itself: one API call refreshes the token (or signs out), then the socket tries again.
    s.on('connect_error', () => {
      setOnline(false);
      if (!s.active) setTimeout(() => void api.me().then(() => s.connect(), () => undefined), 2000);
    });
    setSocket(s);
    return () => void s.close();
  }, [me.id]);

  useEffect(() => {
    if (path === '/' || path === '/sign-in') navigate('/inbox', true);
  }, [path]);

  if (!socket) return null;
  const session: Session = { me, lang, t, socket, unread };
  const writer = canWrite(me);
  const parent = reportsAbsences(me);
  const groupStaff = groupListInstitutions(me).length > 0;
  const kitchen = mealCountInstitutions(me).length > 0;
  // Offered only to management; for anyone else these paths are simply not pages (the API refuses too).
  const manager = canManage(me);
  const nav = (to: string, label: string, extra?: preact.ComponentChildren, current = path === to) => (
    <a href={`/app${to}`} aria-current={current ? 'page' : undefined} onClick={(e) => onLink(e, to)}>
      {label}
      {extra}
    </a>
  );
  const messageId = /^\/messages\/([0-9a-f-]{36})$/.exec(path)?.[1];
  const sentId = /^\/sent\/([0-9a-f-]{36})$/.exec(path)?.[1];
  const marksOf = /^\/marks(?:\/([0-9a-f-]{36}))?$/.exec(path);
  const guardian = me.children.length > 0;
  let page;
  if (path === '/inbox') page = <InboxPage />;
  else if (messageId) page = <MessagePage id={messageId} />;
  else if (path === '/compose' && writer) page = <ComposePage />;
  else if (path === '/sent' && writer) page = <SentPage />;
  else if (sentId) page = <SentDetailPage id={sentId} />;
  else if (marksOf && (guardian || marksOf[1])) page = <MarksPage studentId={marksOf[1]} />;
  else if (path === '/preferences') page = <PreferencesPage />;
  else if (path === '/moderation' && manager) page = <ModerationPage />;
  else if (path === '/admin' && manager) page = <AdminPage />;
  else if (path === '/admin/deliveries' && manager) page = <DeliveriesPage />;
  else if (path === '/absences' && parent) page = <AbsencesPage />;
  else if (path === '/group-absences' && groupStaff) page = <GroupAbsencesPage />;
  else if (path === '/meals' && kitchen) page = <KitchenPage />;
  else if (path === '/' || path === '/sign-in') page = null;
  else page = <p>{t('notFound')}</p>;

  return (
    <SessionContext.Provider value={session}>
      <a class="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header class="bar">
        <span class="brand">{t('appName')}</span>
        <nav aria-label={t('mainNav')}>
          {nav(
            '/inbox',
            t('inbox'),
            unread ? (
              <span class="badge" data-testid="unread-badge" aria-label={t('unreadBadge', { count: unread })}>
                {unread}
              </span>
            ) : null,
          )}
          {writer && nav('/compose', t('compose'))}
          {writer && nav('/sent', t('sent'))}
          {parent && nav('/absences', t('navAbsences'))}
          {groupStaff && nav('/group-absences', t('navGroupAbsences'))}
          {kitchen && nav('/meals', t('navMeals'))}
          {guardian && nav('/marks', t('marks'), undefined, path.startsWith('/marks'))}
          {nav('/preferences', t('preferences'))}
          {manager && nav('/moderation', t('moderation'))}
          {manager && nav('/admin', t('administration'), undefined, path === '/admin' || path.startsWith('/admin/'))}
        </nav>
        <span class="who">{me.displayName}</span>
        <LanguagePicker lang={lang} t={t} choose={props.chooseLanguage} />
        <button type="button" class="link" onClick={() => void api.logout()}>
          {t('signOut')}
        </button>
      </header>
      {!online && (
        <p class="offline" role="status">
          {t('offline')}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </SessionContext.Provider>
  );
}

function LanguagePicker(props: { lang: Language; t: Translate; choose: (l: Language) => void }) {
  return (
    <label class="lang">
      <span class="sr-only">{props.t('language')}</span>
      <select value={props.lang} onChange={(e) => props.choose((e.target as HTMLSelectElement).value as Language)}>
        <LanguageOptions />
      </select>
    </label>
  );
}
