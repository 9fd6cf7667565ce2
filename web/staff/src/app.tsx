/**
 * The shell: config, sign-in, the signed-in user, header, navigation, hash routes, the live region.
 * On narrow screens (app.css) the account line and the main menu fold behind a "Menu" disclosure
 * button in the header; Escape or following a link folds them again.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Api, createApi, SessionExpired } from './api.ts';
import { beginLogin, clearSession, completeLogin, currentToken, logout } from './auth.ts';
import { AppContext, type AppState } from './context.ts';
import { type MessageKey, translate, type Vars } from './i18n.ts';
import { AgenciesPage } from './pages/agencies.tsx';
import { AuditPage } from './pages/audit.tsx';
import { CalendarPage } from './pages/calendar.tsx';
import { DashboardPage } from './pages/dashboard.tsx';
import { DipPage } from './pages/dip.tsx';
import { DisputeDetailPage } from './pages/dispute-detail.tsx';
import { DisputeFormPage, DisputesPage } from './pages/disputes.tsx';
import { DocumentationBoardPage, DocumentationCyclesPage, DocumentationLanePage } from './pages/documentation.tsx';
import { ExclusionDetailPage } from './pages/exclusion-detail.tsx';
import { ExclusionFormPage } from './pages/exclusion-form.tsx';
import { ExclusionsPage } from './pages/exclusions.tsx';
import { HomePage } from './pages/home.tsx';
import { InboxPage } from './pages/inbox.tsx';
import { ItemDetailPage } from './pages/item-detail.tsx';
import { ItemFormPage } from './pages/item-form.tsx';
import { ItemImportPage } from './pages/item-import.tsx';
import { ItemsPage } from './pages/items.tsx';
import { ObjectionBookPage } from './pages/objection-book.tsx';
import { ObjectionDetailPage } from './pages/objection-detail.tsx';
import { ObjectionFormPage } from './pages/objection-form.tsx';
import { ObjectionsPage } from './pages/objections.tsx';
import { AnnualReportPage, ReportArchivePage } from './pages/report-archive.tsx';
import { ReportsPage } from './pages/reports.tsx';
import { RequestBookPage } from './pages/request-book.tsx';
import { RequestDetailPage } from './pages/request-detail.tsx';
import { RequestFormPage } from './pages/request-form.tsx';
import { RequestsPage } from './pages/requests.tsx';
import { RulesPage } from './pages/rules.tsx';
import { UsersPage } from './pages/users.tsx';
import { pageAvailable } from './permissions.ts';
import { type Agency, type AppConfig, BODY_WIDE, type Lang, type Role, type Text, type User } from './types.ts';

const LANG_KEY = 'sip-ppid.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

function useLang() {
  const [lang, setLang] = useState<Lang>(initialLang);
  // Before paint, so that screen readers never read the new language's text under the old `lang`.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // storage may be blocked; the choice then lasts for this page only
    }
  }, [lang]);
  const t = useCallback((key: MessageKey, vars?: Vars) => translate(lang, key, vars), [lang]);
  return { lang, setLang, t };
}

function LangSwitch({ lang, setLang }: { lang: Lang; setLang: (l: Lang) => void }) {
  const options: { value: Lang; label: string }[] = [
    { value: 'id', label: 'Bahasa Indonesia' },
    { value: 'en', label: 'English' },
  ];
  return (
    <fieldset class="lang-switch">
      <legend class="visually-hidden">{translate(lang, 'language')}</legend>
      {options.map((o) => (
        <button key={o.value} type="button" lang={o.value} aria-pressed={lang === o.value} onClick={() => setLang(o.value)}>
          {o.label}
        </button>
      ))}
    </fieldset>
  );
}

function Brand({ lang }: { lang: Lang }) {
  return (
    <div class="brand">
      <span class="brand-name">SIP PPID</span>
      <span class="brand-sub">{translate(lang, 'app_full')}</span>
    </div>
  );
}

type Phase = { kind: 'loading' } | { kind: 'config-error' } | { kind: 'signin'; notice?: string } | { kind: 'ready'; me: User };

export function Root() {
  const { lang, setLang, t } = useLang();
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const langRef = useRef(lang);
  langRef.current = lang;

  const expire = useCallback(() => {
    clearSession();
    setPhase({ kind: 'signin', notice: translate(langRef.current, 'signin_expired') });
  }, []);

  const api = useMemo<Api | null>(() => (config ? createApi(config.apiBase, () => langRef.current, expire) : null), [config, expire]);

  useEffect(() => {
    (async () => {
      let cfg: AppConfig;
      try {
        const res = await fetch('./config.json', { cache: 'no-store' });
        if (!res.ok) throw new Error(String(res.status));
        cfg = (await res.json()) as AppConfig;
      } catch {
        setPhase({ kind: 'config-error' });
        return;
      }
      setConfig(cfg);
      let notice: string | undefined;
      try {
        const cb = await completeLogin(cfg.auth);
        if (cb.kind === 'error') notice = translate(langRef.current, 'signin_failed', { detail: cb.detail });
      } catch (e) {
        notice = translate(langRef.current, 'signin_failed', { detail: String(e) });
      }
      if (!currentToken()) {
        setPhase({ kind: 'signin', notice });
        return;
      }
      try {
        const me = await createApi(cfg.apiBase, () => langRef.current, expire).get<User>('/me');
        setPhase({ kind: 'ready', me });
      } catch (e) {
        if (e instanceof SessionExpired) return;
        const text = (e as { messages?: Text }).messages;
        clearSession();
        setPhase({ kind: 'signin', notice: text ? text[langRef.current] : String(e) });
      }
    })();
  }, [expire]);

  if (phase.kind === 'loading') {
    return (
      <main id="main" class="boot">
        <h1>SIP PPID</h1>
        {/* biome-ignore lint/a11y/useSemanticElements: a live status line, not the result of a calculation (<output>) */}
        <p role="status">{t('loading')}</p>
      </main>
    );
  }
  if (phase.kind === 'config-error' || !config || !api) {
    return (
      <main id="main" class="boot">
        <h1>SIP PPID</h1>
        <p class="error-summary" role="alert">
          {t('config_failed')}
        </p>
        <button type="button" onClick={() => location.reload()}>
          {t('retry')}
        </button>
      </main>
    );
  }
  if (phase.kind === 'signin') return <SignIn config={config} lang={lang} setLang={setLang} notice={phase.notice} />;
  return <Shell config={config} api={api} me={phase.me} lang={lang} setLang={setLang} />;
}

function SignIn({ config, lang, setLang, notice }: { config: AppConfig; lang: Lang; setLang: (l: Lang) => void; notice?: string }) {
  const [busy, setBusy] = useState(false);
  const t = (key: MessageKey) => translate(lang, key);
  useEffect(() => {
    document.title = `${translate(lang, 'signin_title')} · SIP PPID`;
  }, [lang]);
  return (
    <>
      <header class="masthead">
        <Brand lang={lang} />
        <div class="account">
          <LangSwitch lang={lang} setLang={setLang} />
        </div>
      </header>
      <main id="main" class="signin">
        <h1>{t('signin_title')}</h1>
        <p>{t('signin_intro')}</p>
        {/* biome-ignore lint/a11y/useSemanticElements: a live status line, not the result of a calculation (<output>) */}
        <div role="status" aria-live="polite">
          {notice && <p class="notice">{notice}</p>}
          {busy && <p>{t('signin_redirecting')}</p>}
        </div>
        <button
          type="button"
          class="primary large"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            beginLogin(config.auth).catch(() => setBusy(false));
          }}
        >
          {t('signin_button')}
        </button>
      </main>
      <Footer lang={lang} />
    </>
  );
}

/** The agency in the header: its short name when the full one would crowd the header out. */
function AgencyLabel({ agency, fallback }: { agency?: Agency; fallback: string }) {
  if (!agency) return <>{fallback}</>;
  if (agency.name.length <= 32 || !agency.shortName) return <>{agency.name}</>;
  return <abbr title={agency.name}>{agency.shortName}</abbr>;
}

function Footer({ lang }: { lang: Lang }) {
  return (
    <footer class="site-footer">
      <p>{translate(lang, 'footer')}</p>
    </footer>
  );
}

interface RouteMatch {
  params: Record<string, string>;
  query: URLSearchParams;
}

interface RouteDef {
  /** A path with `:name` segments, e.g. `/items/:itemId`. */
  pattern: string;
  page: (m: RouteMatch) => ComponentChildren;
  /** Shown in the main menu, to the roles that may open the page (permissions.ts PAGES). */
  nav?: { label: MessageKey };
}

const ROUTES: RouteDef[] = [
  { pattern: '/', nav: { label: 'nav_home' }, page: () => <HomePage /> },
  { pattern: '/inbox', nav: { label: 'nav_inbox' }, page: () => <InboxPage /> },
  { pattern: '/dashboard', nav: { label: 'nav_dashboard' }, page: ({ query }) => <DashboardPage query={query} /> },
  { pattern: '/reports', nav: { label: 'nav_reports' }, page: ({ query }) => <ReportsPage query={query} /> },
  { pattern: '/reports/archive', page: ({ query }) => <ReportArchivePage query={query} /> },
  { pattern: '/reports/annual/:year', page: ({ params }) => <AnnualReportPage key={params.year} year={params.year!} /> },
  { pattern: '/requests', nav: { label: 'nav_requests' }, page: ({ query }) => <RequestsPage query={query} /> },
  { pattern: '/requests/new', page: () => <RequestFormPage /> },
  { pattern: '/requests/book', page: () => <RequestBookPage /> },
  { pattern: '/requests/:requestId', page: ({ params }) => <RequestDetailPage key={params.requestId} requestId={params.requestId!} /> },
  { pattern: '/objections', nav: { label: 'nav_objections' }, page: ({ query }) => <ObjectionsPage query={query} /> },
  { pattern: '/objections/new', page: () => <ObjectionFormPage /> },
  { pattern: '/objections/register', nav: { label: 'nav_objection_book' }, page: () => <ObjectionBookPage /> },
  { pattern: '/objections/:objectionId', page: ({ params }) => <ObjectionDetailPage key={params.objectionId} objectionId={params.objectionId!} /> },
  { pattern: '/disputes', nav: { label: 'nav_disputes' }, page: ({ query }) => <DisputesPage query={query} /> },
  { pattern: '/disputes/new', page: () => <DisputeFormPage /> },
  { pattern: '/disputes/:disputeId', page: ({ params }) => <DisputeDetailPage key={params.disputeId} disputeId={params.disputeId!} /> },
  { pattern: '/items', nav: { label: 'nav_items' }, page: ({ query }) => <ItemsPage query={query} /> },
  { pattern: '/items/new', page: () => <ItemFormPage /> },
  { pattern: '/items/import', page: () => <ItemImportPage /> },
  { pattern: '/items/:itemId/edit', page: ({ params }) => <ItemFormPage key={params.itemId} itemId={params.itemId} /> },
  { pattern: '/items/:itemId', page: ({ params }) => <ItemDetailPage key={params.itemId} itemId={params.itemId!} /> },
  { pattern: '/dip', nav: { label: 'nav_dip' }, page: () => <DipPage /> },
  { pattern: '/exclusions', nav: { label: 'nav_exclusions' }, page: ({ query }) => <ExclusionsPage query={query} /> },
  { pattern: '/exclusions/new', page: ({ query }) => <ExclusionFormPage key={query.toString()} query={query} /> },
  {
    pattern: '/exclusions/:exclusionId/edit',
    page: ({ params }) => <ExclusionFormPage key={params.exclusionId} exclusionId={params.exclusionId} />,
  },
  { pattern: '/exclusions/:exclusionId', page: ({ params }) => <ExclusionDetailPage key={params.exclusionId} exclusionId={params.exclusionId!} /> },
  { pattern: '/documentation', nav: { label: 'nav_documentation' }, page: () => <DocumentationCyclesPage /> },
  {
    pattern: '/documentation/:cycleId',
    page: ({ params, query }) => <DocumentationBoardPage key={params.cycleId} cycleId={params.cycleId!} query={query} />,
  },
  {
    pattern: '/documentation/:cycleId/:agencyId',
    page: ({ params }) => <DocumentationLanePage key={`${params.cycleId}/${params.agencyId}`} cycleId={params.cycleId!} agencyId={params.agencyId!} />,
  },
  { pattern: '/agencies', nav: { label: 'nav_agencies' }, page: () => <AgenciesPage /> },
  { pattern: '/users', nav: { label: 'nav_users' }, page: () => <UsersPage /> },
  { pattern: '/audit', nav: { label: 'nav_audit' }, page: ({ query }) => <AuditPage query={query} /> },
  { pattern: '/calendar', nav: { label: 'nav_calendar' }, page: () => <CalendarPage /> },
  { pattern: '/rules', nav: { label: 'nav_rules' }, page: () => <RulesPage /> },
];

/** Roles whose work starts in the inbox: they land there after signing in. */
const INBOX_LANDING: readonly Role[] = ['petugas', 'ppid_pelaksana'];

function matchRoute(path: string): { route: RouteDef; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((seg, i) => {
      if (seg.startsWith(':')) {
        params[seg.slice(1)] = decodeURIComponent(parts[i]!);
        return true;
      }
      return seg === parts[i];
    });
    if (ok) return { route, params };
  }
  return undefined;
}

interface HashRoute {
  path: string;
  query: string;
}

function routeOf(hash: string): HashRoute {
  if (!hash.startsWith('#/')) return { path: '/', query: '' };
  const [path, query = ''] = hash.slice(1).split('?', 2) as [string, string?];
  return { path, query };
}

function useHashRoute(landing: string | undefined): HashRoute {
  const [route, setRoute] = useState(() => {
    if (landing && (location.hash === '' || location.hash === '#' || location.hash === '#/')) {
      history.replaceState(null, '', `#${landing}`);
    }
    return routeOf(location.hash);
  });
  useEffect(() => {
    const onChange = () => setRoute(routeOf(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/**
 * The header's disclosure on narrow screens (the button shows only there, by CSS): open or folded,
 * folded again on every navigation and by Escape, which gives the focus back to the button when it
 * was in the menu (a dialog open above the page keeps its own Escape).
 */
function useMenuDisclosure(path: string) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    setOpen(false);
  }, [path]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      const button = buttonRef.current;
      if (e.key !== 'Escape' || e.defaultPrevented || !button || button.offsetParent === null) return;
      const focus = document.activeElement;
      if (focus?.closest('dialog')) return;
      setOpen(false);
      if (focus === button || focus?.closest('#app-menu, #app-account')) button.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return { open, setOpen, buttonRef };
}

function Shell({ config, api, me, lang, setLang }: { config: AppConfig; api: Api; me: User; lang: Lang; setLang: (l: Lang) => void }) {
  const { path, query } = useHashRoute(INBOX_LANDING.includes(me.role) ? '/inbox' : undefined);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [status, setStatus] = useState<{ text: string; kind: 'success' | 'error' }>({ text: '', kind: 'success' });
  const mainRef = useRef<HTMLElement>(null);
  const menu = useMenuDisclosure(path);
  const firstRender = useRef(true);
  const pendingMessage = useRef<string | undefined>(undefined);

  const reloadAgencies = useCallback(async () => {
    try {
      const { items } = await api.get<{ items: Agency[] }>('/agencies');
      setAgencies(items);
    } catch {
      // the agencies page shows its own error
    }
  }, [api]);
  useEffect(() => {
    void reloadAgencies();
  }, [reloadAgencies]);

  const announce = useCallback((text: string, kind: 'success' | 'error' = 'success') => {
    // Clear first so that the same message twice is announced twice.
    setStatus({ text: '', kind });
    setTimeout(() => setStatus({ text, kind }), 50);
  }, []);

  // After navigation: clear old messages and move the focus to the new page's heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    setStatus({ text: '', kind: 'success' });
    const h1 = mainRef.current?.querySelector('h1');
    (h1 ?? mainRef.current)?.focus();
    if (pendingMessage.current) {
      announce(pendingMessage.current);
      pendingMessage.current = undefined;
    }
  }, [path, announce]);

  const go = useCallback(
    (to: string, message?: string) => {
      if (routeOf(location.hash).path === to.split('?')[0]) {
        location.hash = `#${to}`;
        if (message) announce(message);
        return;
      }
      pendingMessage.current = message;
      location.hash = `#${to}`;
    },
    [announce],
  );

  const state = useMemo<AppState>(() => {
    const byId = new Map(agencies.map((a) => [a.id, a]));
    return {
      lang,
      t: (key, vars) => translate(lang, key, vars),
      pick: (text: Text) => text[lang],
      config,
      api,
      me,
      isAdmin: me.role === 'admin',
      bodyWide: BODY_WIDE.includes(me.role),
      agencies,
      agencyName: (id: string) => byId.get(id)?.name ?? id,
      timeZone: byId.get(me.agencyId)?.timezone,
      agencyTimeZone: (id: string) => byId.get(id)?.timezone,
      reloadAgencies,
      announce,
      go,
    };
  }, [lang, config, api, me, agencies, reloadAgencies, announce, go]);

  const t = state.t;
  const matched = matchRoute(path);
  const section = `/${path.split('/')[1] ?? ''}`;
  const navRoutes = ROUTES.filter((r) => r.nav && pageAvailable(me.role, r.pattern));
  const roleName = t(`role_${me.role}` as MessageKey);

  return (
    <AppContext.Provider value={state}>
      {/* A button, not a link: the hash is the route, so href="#main" would navigate away. */}
      <button type="button" class="skip-link" onClick={() => mainRef.current?.focus()}>
        {t('skip_link')}
      </button>
      <header class="masthead">
        <Brand lang={lang} />
        <button
          type="button"
          class="on-dark menu-toggle"
          ref={menu.buttonRef}
          aria-expanded={menu.open}
          aria-controls="app-account app-menu"
          onClick={() => menu.setOpen(!menu.open)}
        >
          {t('menu_button')}
        </button>
        <div class={menu.open ? 'account' : 'account folded'} id="app-account">
          <section class="who" aria-label={t('user_info')}>
            <strong>{me.name}</strong>
            <span>
              {t(`role_${me.role}` as MessageKey)} · <AgencyLabel agency={agencies.find((a) => a.id === me.agencyId)} fallback={me.agencyId} />
            </span>
          </section>
          <LangSwitch lang={lang} setLang={setLang} />
          <button type="button" class="on-dark" onClick={() => logout(config.auth)}>
            {t('logout')}
          </button>
        </div>
      </header>
      <nav class={menu.open ? 'main-nav' : 'main-nav folded'} id="app-menu" aria-label={t('nav_label')}>
        <ul>
          {navRoutes.map((r) => (
            <li key={r.pattern}>
              <a href={`#${r.pattern}`} aria-current={r.pattern === path ? 'page' : r.pattern !== '/' && r.pattern === section ? 'true' : undefined}>
                {t(r.nav!.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {/* biome-ignore lint/a11y/useSemanticElements: a live status line, not the result of a calculation (<output>) */}
      <div class="live" role="status" aria-live="polite" aria-atomic="true">
        {status.text && <p class={status.kind === 'error' ? 'notice danger' : 'notice success'}>{status.text}</p>}
      </div>
      <main id="main" tabIndex={-1} ref={mainRef}>
        {matched && !pageAvailable(me.role, matched.route.pattern) ? (
          <>
            <h1 tabIndex={-1}>{t('page_not_for_role', { role: roleName })}</h1>
            <p>{t('page_not_for_role_why')}</p>
            <p>
              <a href="#/">{t('nav_home')}</a>
            </p>
          </>
        ) : matched ? (
          matched.route.page({ params: matched.params, query: new URLSearchParams(query) })
        ) : (
          <>
            <h1 tabIndex={-1}>{t('not_found')}</h1>
            <p>
              <a href="#/">{t('nav_home')}</a>
            </p>
          </>
        )}
      </main>
      <Footer lang={lang} />
    </AppContext.Provider>
  );
}
