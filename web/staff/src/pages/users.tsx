import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, SessionExpired } from '../api.ts';
import { useApp } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import { type Page, ROLES, type Role, type Text, type User } from '../types.ts';
import { Email, ErrorMessage, ErrorSummary, Field, Loading, LoadMore, PageHeader, RequiredNote, usePaged, useSubmit } from '../ui.tsx';
import { sortAgencies } from './agencies.tsx';
import { FilterForm } from './list-parts.tsx';

type Mode = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; user: User };

/** How a new user signs in, as POST /api/users answers it (functions/core/user-invitation.ts). */
interface SignIn {
  via: 'cognito_invitation' | 'existing_password' | 'shared_local_password';
  mailedTo?: string;
  appUrl: string;
  text: Text;
}
type CreatedUser = User & { signIn?: SignIn };

export function UsersPage() {
  const { t, pick, api, me, isAdmin, bodyWide, agencies, agencyName, announce } = useApp();
  const [draftFilter, setDraftFilter] = useState('');
  const [filter, setFilter] = useState('');
  const [mode, setMode] = useState<Mode>({ kind: 'closed' });
  const [rowError, setRowError] = useState<unknown>(null);
  /** The user just created and how they sign in, shown until closed or the next form opens. */
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const createdNote = useRef<HTMLElement>(null);
  const paged = usePaged((cursor) => api.get<Page<User>>('/users', { agencyId: filter || undefined, cursor, limit: '25' }), [api, filter]);
  const roleName = (r: Role) => t(`role_${r}` as MessageKey);

  const close = () => {
    setMode({ kind: 'closed' });
    setTimeout(() => (addButton.current ?? document.querySelector<HTMLElement>('#main h1'))?.focus(), 0);
  };
  const replace = (u: User) => paged.setItems((items) => items.map((x) => (x.username === u.username ? u : x)));

  const toggle = async (u: User) => {
    setRowError(null);
    try {
      const updated = await api.send<User>('PATCH', `/users/${encodeURIComponent(u.username)}`, { enabled: !u.enabled, version: u.version });
      replace(updated);
      announce(t(updated.enabled ? 'user_enabled_msg' : 'user_disabled_msg', { username: updated.username }));
    } catch (e) {
      if (!(e instanceof SessionExpired)) setRowError(e);
    }
  };

  return (
    <>
      <PageHeader title={t('nav_users')} intro={t('users_intro')}>
        {isAdmin && mode.kind === 'closed' && (
          <button
            type="button"
            class="primary"
            ref={addButton}
            onClick={() => {
              setCreated(null);
              setMode({ kind: 'new' });
            }}
          >
            {t('user_add')}
          </button>
        )}
      </PageHeader>
      {isAdmin && mode.kind !== 'closed' && (
        <UserForm
          key={mode.kind === 'edit' ? mode.user.username : 'new'}
          user={mode.kind === 'edit' ? mode.user : undefined}
          onDone={(u, isNew) => {
            if (isNew) {
              paged.reload();
              setMode({ kind: 'closed' });
              // The note takes the focus, so a screen reader reads how the new user signs in.
              setCreated(u);
              setTimeout(() => createdNote.current?.focus(), 0);
            } else {
              replace(u);
              close();
            }
          }}
          onCancel={close}
        />
      )}
      {created?.signIn && (
        <section class="panel" aria-labelledby="user-signin-h" tabIndex={-1} ref={createdNote} data-testid="user-signin">
          <h2 id="user-signin-h">{t('user_signin_title', { username: created.username })}</h2>
          <p>{pick(created.signIn.text)}</p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setCreated(null);
              close();
            }}
          >
            {t('user_signin_close')}
          </button>
        </section>
      )}
      {bodyWide ? (
        <FilterForm onSubmit={() => setFilter(draftFilter)}>
          <Field label={t('f_agency')} name="agencyId">
            {(a) => (
              <select {...a} value={draftFilter} onChange={(e) => setDraftFilter(e.currentTarget.value)}>
                <option value="">{t('all_agencies')}</option>
                {sortAgencies(agencies).map((ag) => (
                  <option key={ag.id} value={ag.id}>
                    {ag.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </FilterForm>
      ) : (
        <p>{t('users_own_agency', { agency: agencyName(me.agencyId) })}</p>
      )}
      <ErrorMessage error={paged.error} />
      {rowError instanceof ApiError && (
        <p class="error-summary" role="alert">
          {pick(rowError.messages)}
        </p>
      )}
      {paged.loading && paged.items.length === 0 ? (
        <Loading />
      ) : (
        <div class="table-wrap">
          <table>
            <caption>
              {t('users_caption')}
              {filter ? ` · ${agencyName(filter)}` : ''} · {t('shown_count', { n: paged.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('f_username')}</th>
                <th scope="col">{t('f_name')}</th>
                <th scope="col">{t('f_email')}</th>
                <th scope="col">{t('f_role')}</th>
                <th scope="col">{t('f_agency')}</th>
                <th scope="col">{t('f_status')}</th>
                {isAdmin && (
                  <th scope="col" class="no-print">
                    {t('actions')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {paged.items.length === 0 && (
                <tr>
                  <td colSpan={isAdmin ? 7 : 6}>{t('empty')}</td>
                </tr>
              )}
              {paged.items.map((u) => (
                <tr key={u.username} class={u.enabled ? undefined : 'row-muted'}>
                  <td>
                    <code>{u.username}</code>
                  </td>
                  <th scope="row">
                    {u.name} {u.username === me.username && <span class="muted">{t('you')}</span>}
                  </th>
                  <td>
                    <Email address={u.email} />
                  </td>
                  <td>{roleName(u.role)}</td>
                  <td>{agencyName(u.agencyId)}</td>
                  <td>
                    <span class={u.enabled ? 'badge ok' : 'badge off'}>{u.enabled ? t('status_active') : t('status_disabled')}</span>
                  </td>
                  {isAdmin && (
                    <td class="no-print actions-cell">
                      <button type="button" class="link" aria-label={t('edit_named', { name: u.name })} onClick={() => setMode({ kind: 'edit', user: u })}>
                        {t('edit')}
                      </button>
                      {u.username !== me.username && (
                        <button
                          type="button"
                          class="link"
                          aria-label={t(u.enabled ? 'user_disable_named' : 'user_enable_named', { name: u.name })}
                          onClick={() => void toggle(u)}
                        >
                          {u.enabled ? t('user_disable') : t('user_enable')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore paged={paged} />
    </>
  );
}

const FIELDS = ['username', 'name', 'email', 'role', 'agencyId', 'enabled', 'fullName', 'position', 'rank', 'nip'] as const;
const OFFICIAL = ['fullName', 'position', 'rank', 'nip'] as const;

function UserForm({ user, onDone, onCancel }: { user?: User; onDone: (u: CreatedUser, created: boolean) => void; onCancel: () => void }) {
  const { t, api, agencies, announce } = useApp();
  const [username, setUsername] = useState(user?.username ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [role, setRole] = useState<Role | ''>(user?.role ?? '');
  const [agencyId, setAgencyId] = useState(user?.agencyId ?? '');
  const [enabled, setEnabled] = useState(user?.enabled ?? true);
  const [official, setOfficial] = useState<Record<(typeof OFFICIAL)[number], string>>({
    fullName: user?.fullName ?? '',
    position: user?.position ?? '',
    rank: user?.rank ?? '',
    nip: user?.nip ?? '',
  });
  const submit = useSubmit(FIELDS);
  /** The official fields that are filled in and (when editing) changed. */
  const officialChanges = () => Object.fromEntries(OFFICIAL.map((k) => [k, official[k].trim()] as const).filter(([k, v]) => v && v !== (user?.[k] ?? '')));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      if (!user) {
        const created = await api.send<CreatedUser>('POST', '/users', {
          username: username.trim(),
          name,
          email: email.trim(),
          role,
          agencyId,
          ...officialChanges(),
        });
        announce(t('user_created', { username: created.username }));
        onDone(created, true);
      } else {
        const patch: Record<string, unknown> = { version: user.version };
        if (name !== user.name) patch.name = name;
        if (email.trim() !== user.email) patch.email = email.trim();
        if (role !== user.role) patch.role = role;
        if (agencyId !== user.agencyId) patch.agencyId = agencyId;
        if (enabled !== user.enabled) patch.enabled = enabled;
        Object.assign(patch, officialChanges());
        const updated = await api.send<User>('PATCH', `/users/${encodeURIComponent(user.username)}`, patch);
        announce(t('user_updated', { username: updated.username }));
        onDone(updated, false);
      }
    });
  };

  return (
    <section class="panel form-panel" aria-labelledby="user-form-h">
      <h2 id="user-form-h" tabIndex={-1} ref={heading}>
        {user ? t('user_edit_title', { name: user.name }) : t('user_add')}
      </h2>
      <RequiredNote />
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form onSubmit={onSubmit} noValidate>
        <div class="grid">
          <Field label={t('f_username')} name="username" required={!user} hint={user ? undefined : t('f_username_hint')} error={submit.fieldError('username')}>
            {(a) => (
              <input
                {...a}
                type="text"
                value={username}
                readOnly={!!user}
                autoComplete="off"
                spellcheck={false}
                onInput={(e) => setUsername(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={t('f_full_name')} name="name" required error={submit.fieldError('name')}>
            {(a) => <input {...a} type="text" value={name} autoComplete="off" onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_email')} name="email" required error={submit.fieldError('email')}>
            {(a) => <input {...a} type="email" value={email} autoComplete="off" onInput={(e) => setEmail(e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_role')} name="role" required error={submit.fieldError('role')}>
            {(a) => (
              <select {...a} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
                <option value="">{t('choose')}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role_${r}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('f_agency')} name="agencyId" required error={submit.fieldError('agencyId')}>
            {(a) => (
              <select {...a} value={agencyId} onChange={(e) => setAgencyId(e.currentTarget.value)}>
                <option value="">{t('choose')}</option>
                {sortAgencies(agencies).map((ag) => (
                  <option key={ag.id} value={ag.id}>
                    {ag.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset class="field">
          <legend>{t('f_official_legend')}</legend>
          <p class="hint">{t('f_official_hint')}</p>
          <div class="grid">
            <Field label={t('f_titled_name')} name="fullName" hint={t('f_titled_name_hint')} error={submit.fieldError('fullName')}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  value={official.fullName}
                  autoComplete="off"
                  onInput={(e) => setOfficial({ ...official, fullName: e.currentTarget.value })}
                />
              )}
            </Field>
            <Field label={t('f_position')} name="position" error={submit.fieldError('position')}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  value={official.position}
                  autoComplete="off"
                  onInput={(e) => setOfficial({ ...official, position: e.currentTarget.value })}
                />
              )}
            </Field>
            <Field label={t('f_rank')} name="rank" hint={t('f_rank_hint')} error={submit.fieldError('rank')}>
              {(a) => (
                <input {...a} type="text" value={official.rank} autoComplete="off" onInput={(e) => setOfficial({ ...official, rank: e.currentTarget.value })} />
              )}
            </Field>
            <Field label={t('f_nip')} name="nip" hint={t('f_nip_hint')} error={submit.fieldError('nip')}>
              {(a) => (
                <input
                  {...a}
                  type="text"
                  inputMode="numeric"
                  value={official.nip}
                  autoComplete="off"
                  spellcheck={false}
                  onInput={(e) => setOfficial({ ...official, nip: e.currentTarget.value })}
                />
              )}
            </Field>
          </div>
        </fieldset>
        {user && (
          <div class="field">
            <label class="check">
              <input type="checkbox" name="enabled" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
              {t('f_enabled')}
            </label>
            {submit.fieldError('enabled') && <p class="field-error">{submit.fieldError('enabled')}</p>}
          </div>
        )}
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : t('save')}
          </button>
          <button type="button" class="secondary" onClick={onCancel} disabled={submit.busy}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
