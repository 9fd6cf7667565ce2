/**
 * The API client: JSON in and out, `Authorization: Bearer <id_token>`, `Accept-Language`.
 * Errors become ApiError with the API's bilingual message and per-field details.
 */
import { currentToken } from './auth.ts';
import type { Lang, Text } from './types.ts';

export interface FieldError {
  /** The field name without the `body.` / `query.` prefix, e.g. `name` or `rule.amount`. */
  field: string;
  messages: Text;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Text,
    readonly fields: FieldError[] = [],
  ) {
    super(messages.en);
  }
}

/** Raised when there is no valid session; the app goes back to the sign-in page. */
export class SessionExpired extends Error {}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    messages?: Text;
    details?: { path: string; message: string; messages?: Text }[];
  };
}

function stripPath(path: string, text: string): string {
  return text.startsWith(`${path}: `) ? text.slice(path.length + 2) : text;
}

export interface Api {
  get<T>(path: string, query?: Record<string, string | undefined>): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

export function createApi(base: string, lang: () => Lang, onExpired: () => void): Api {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const token = currentToken();
    if (!token) {
      onExpired();
      throw new SessionExpired();
    }
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang(), authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, 'network', {
        id: 'Tidak dapat terhubung ke server. Periksa jaringan Anda lalu coba lagi.',
        en: 'Cannot reach the server. Check your network and try again.',
      });
    }
    if (res.status === 401) {
      onExpired();
      throw new SessionExpired();
    }
    if (res.status === 204) return undefined as T;
    const data = (await res.json().catch(() => ({}))) as unknown;
    if (!res.ok) {
      const e = (data as ErrorBody).error ?? {};
      const fallback = { id: `Permintaan gagal (HTTP ${res.status}).`, en: `The request failed (HTTP ${res.status}).` };
      const messages = e.messages ?? (e.message ? { id: e.message, en: e.message } : fallback);
      const fields = (e.details ?? []).map((d) => {
        const m = d.messages ?? { id: d.message, en: d.message };
        return { field: d.path.replace(/^(body|query|path)\./, ''), messages: { id: stripPath(d.path, m.id), en: stripPath(d.path, m.en) } };
      });
      throw new ApiError(res.status, e.code ?? 'error', messages, fields);
    }
    return data as T;
  }
  return {
    get: <T>(path: string, query: Record<string, string | undefined> = {}) => {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
      const qs = q.toString();
      return call<T>('GET', qs ? `${path}?${qs}` : path);
    },
    send: <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => call<T>(method, path, body),
  };
}
