/** What every screen needs: language, the signed-in user, the API, the agency directory, messages. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api.ts';
import type { MessageKey, Vars } from './i18n.ts';
import type { Agency, AppConfig, Lang, Text, User } from './types.ts';

export interface AppState {
  lang: Lang;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Picks the current language from a bilingual text (API messages). */
  pick: (text: Text) => string;
  config: AppConfig;
  api: Api;
  me: User;
  isAdmin: boolean;
  /** admin and ppid_utama act for the whole public body. */
  bodyWide: boolean;
  agencies: Agency[];
  agencyName: (id: string) => string;
  /** The time zone of the signed-in user's agency, for showing instants (audit times). */
  timeZone: string | undefined;
  /** The time zone of any agency (deadlines are shown in the agency's own zone). */
  agencyTimeZone: (id: string) => string | undefined;
  reloadAgencies: () => Promise<void>;
  /** Shows a message in the page's aria-live region (`error`: a refusal, shown as one). */
  announce: (text: string, kind?: 'success' | 'error') => void;
  /** Goes to a route (`/items/…`) and then announces `message` on the new page. */
  go: (path: string, message?: string) => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside AppContext');
  return state;
}
