import { useApp } from '../context.ts';
import { type MessageKey, roleDuties } from '../i18n.ts';
import { pageAvailable } from '../permissions.ts';
import { ErrorMessage, PageHeader } from '../ui.tsx';
import { DashboardSummary } from './dashboard.tsx';
import { useInbox } from './inbox.tsx';

function greetingKey(hour: number): MessageKey {
  if (hour < 11) return 'greet_morning';
  if (hour < 15) return 'greet_midday';
  if (hour < 18) return 'greet_afternoon';
  return 'greet_evening';
}

export function HomePage() {
  const { t, pick, me, agencyName } = useApp();
  // The pages the role may open (permissions.ts), each with what it is for.
  const menus: { path: string; label: MessageKey; what: MessageKey }[] = [
    { path: '/dashboard', label: 'nav_dashboard', what: 'home_menu_dashboard' },
    { path: '/reports', label: 'nav_reports', what: 'home_menu_reports' },
    { path: '/inbox', label: 'nav_inbox', what: 'home_menu_inbox' },
    { path: '/requests', label: 'nav_requests', what: 'home_menu_requests' },
    { path: '/objections', label: 'nav_objections', what: 'home_menu_objections' },
    { path: '/items', label: 'nav_items', what: 'home_menu_items' },
    { path: '/dip', label: 'nav_dip', what: 'home_menu_dip' },
    { path: '/exclusions', label: 'nav_exclusions', what: 'home_menu_exclusions' },
    { path: '/agencies', label: 'nav_agencies', what: 'home_menu_agencies' },
    { path: '/users', label: 'nav_users', what: 'home_menu_users' },
    { path: '/audit', label: 'nav_audit', what: 'home_menu_audit' },
    { path: '/calendar', label: 'nav_calendar', what: 'home_menu_calendar' },
    { path: '/rules', label: 'nav_rules', what: 'home_menu_rules' },
  ];
  return (
    <>
      <PageHeader title={t(greetingKey(new Date().getHours()), { name: me.name })} />
      <p class="lead">{t('home_role', { role: t(`role_${me.role}` as MessageKey), agency: agencyName(me.agencyId) })}</p>
      {pageAvailable(me.role, '/dashboard') && <DashboardSummary />}
      {pageAvailable(me.role, '/inbox') && <InboxSummary />}
      <div class="columns">
        <section class="panel" aria-labelledby="duties-h">
          <h2 id="duties-h">{t('home_duties')}</h2>
          <ul>
            {roleDuties[me.role].map((d) => (
              <li key={d.id}>{pick(d)}</li>
            ))}
          </ul>
        </section>
        <section class="panel" aria-labelledby="menus-h">
          <h2 id="menus-h">{t('home_menu')}</h2>
          <ul class="menu-list">
            {menus
              .filter((m) => pageAvailable(me.role, m.path))
              .map((m) => (
                <li key={m.path}>
                  <a href={`#${m.path}`}>{t(m.label)}</a>: {t(m.what)}
                </li>
              ))}
          </ul>
        </section>
      </div>
    </>
  );
}

function InboxSummary() {
  const { t } = useApp();
  const inbox = useInbox();
  if (inbox.error) return <ErrorMessage error={inbox.error} />;
  if (!inbox.data) return null;
  const n = inbox.data.items.length;
  const overdue = inbox.data.items.filter((e) => e.overdue).length;
  return (
    <section class={overdue ? 'callout warn inbox-summary' : 'callout inbox-summary'} aria-labelledby="inbox-summary-h">
      <h2 id="inbox-summary-h">{t('nav_inbox')}</h2>
      <p>
        {n === 0 ? t('inbox_empty') : t('home_inbox_count', { n })} {overdue > 0 && <strong>{t('home_inbox_overdue', { n: overdue })}</strong>}
      </p>
      {n > 0 && (
        <p>
          <a href="#/inbox">{t('home_inbox_open')}</a>
        </p>
      )}
    </section>
  );
}
