import { useApp } from '../context.ts';
import { type MessageKey, roleDuties } from '../i18n.ts';
import { EXCLUSION_NAV, INBOX_ROLES, OBJECTION_NAV, REQUEST_NAV, type Role } from '../types.ts';
import { ErrorMessage, PageHeader } from '../ui.tsx';
import { useInbox } from './inbox.tsx';

function greetingKey(hour: number): MessageKey {
  if (hour < 11) return 'greet_morning';
  if (hour < 15) return 'greet_midday';
  if (hour < 18) return 'greet_afternoon';
  return 'greet_evening';
}

export function HomePage() {
  const { t, pick, me, agencyName } = useApp();
  const menus: { href: string; label: MessageKey; what: MessageKey; roles?: readonly Role[] }[] = [
    { href: '#/inbox', label: 'nav_inbox', what: 'home_menu_inbox', roles: INBOX_ROLES },
    { href: '#/requests', label: 'nav_requests', what: 'home_menu_requests', roles: REQUEST_NAV },
    { href: '#/objections', label: 'nav_objections', what: 'home_menu_objections', roles: OBJECTION_NAV },
    { href: '#/items', label: 'nav_items', what: 'home_menu_items' },
    { href: '#/dip', label: 'nav_dip', what: 'home_menu_dip' },
    { href: '#/exclusions', label: 'nav_exclusions', what: 'home_menu_exclusions', roles: EXCLUSION_NAV },
    { href: '#/agencies', label: 'nav_agencies', what: 'home_menu_agencies' },
    { href: '#/users', label: 'nav_users', what: 'home_menu_users' },
    { href: '#/audit', label: 'nav_audit', what: 'home_menu_audit' },
    { href: '#/calendar', label: 'nav_calendar', what: 'home_menu_calendar' },
    { href: '#/rules', label: 'nav_rules', what: 'home_menu_rules', roles: ['admin'] },
  ];
  return (
    <>
      <PageHeader title={t(greetingKey(new Date().getHours()), { name: me.name })} />
      <p class="lead">{t('home_role', { role: t(`role_${me.role}` as MessageKey), agency: agencyName(me.agencyId) })}</p>
      {INBOX_ROLES.includes(me.role) && <InboxSummary />}
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
              .filter((m) => !m.roles || m.roles.includes(me.role))
              .map((m) => (
                <li key={m.href}>
                  <a href={m.href}>{t(m.label)}</a>: {t(m.what)}
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
