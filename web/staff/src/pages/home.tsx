import { useApp } from '../context.ts';
import { type MessageKey, roleDuties } from '../i18n.ts';
import { PageHeader } from '../ui.tsx';

function greetingKey(hour: number): MessageKey {
  if (hour < 11) return 'greet_morning';
  if (hour < 15) return 'greet_midday';
  if (hour < 18) return 'greet_afternoon';
  return 'greet_evening';
}

export function HomePage() {
  const { t, pick, me, agencyName } = useApp();
  const menus: { href: string; label: MessageKey; what: MessageKey }[] = [
    { href: '#/agencies', label: 'nav_agencies', what: 'home_menu_agencies' },
    { href: '#/users', label: 'nav_users', what: 'home_menu_users' },
    { href: '#/audit', label: 'nav_audit', what: 'home_menu_audit' },
    { href: '#/calendar', label: 'nav_calendar', what: 'home_menu_calendar' },
  ];
  return (
    <>
      <PageHeader title={t(greetingKey(new Date().getHours()), { name: me.name })} />
      <p class="lead">{t('home_role', { role: t(`role_${me.role}` as MessageKey), agency: agencyName(me.agencyId) })}</p>
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
            {menus.map((m) => (
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
