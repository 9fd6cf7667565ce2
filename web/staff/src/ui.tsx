/** Small shared pieces: labelled fields, the form error summary, page headings, loading lists. */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, SessionExpired } from './api.ts';
import { useApp } from './context.ts';
import type { Page } from './types.ts';

export interface InputAttrs {
  id: string;
  name: string;
  'aria-required'?: 'true';
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
}

interface FieldProps {
  /** The control's id, when something else must point at it (an error summary); generated otherwise. */
  id?: string;
  label: ComponentChildren;
  name: string;
  required?: boolean;
  hint?: string;
  error?: string;
  children: (attrs: InputAttrs) => ComponentChildren;
}

/** A label, an optional hint, the API's error for this field, and the control. */
export function Field({ id: fixedId, label, name, required, hint, error, children }: FieldProps) {
  const { t } = useApp();
  const generated = useId();
  const id = fixedId ?? generated;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {label}
        {required && (
          <span class="req" aria-hidden="true" title={t('required')}>
            {' '}
            *
          </span>
        )}
      </label>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
      {children({
        id,
        name,
        ...(required ? { 'aria-required': 'true' as const } : {}),
        ...(error ? { 'aria-invalid': 'true' as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
    </div>
  );
}

/** Sending a form: busy flag, the API's error with per-field messages. */
export function useSubmit(knownFields: readonly string[]) {
  const { pick } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const matches = (field: string, name: string) => field === name || field.startsWith(`${name}.`);

  async function run(fn: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      if (e instanceof SessionExpired) return false;
      setError(e instanceof ApiError ? e : new ApiError(0, 'client', { id: String(e), en: String(e) }));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string): string | undefined => {
    const texts = (error?.fields ?? []).filter((f) => matches(f.field, name)).map((f) => pick(f.messages));
    return texts.length ? texts.join(' ') : undefined;
  };
  /** The refusals of the field itself, not of its parts (a list's own error, shown above its items). */
  const ownError = (name: string): string | undefined =>
    (error?.fields ?? [])
      .filter((f) => f.field === name)
      .map((f) => pick(f.messages))
      .join(' ') || undefined;
  const otherErrors = (error?.fields ?? []).filter((f) => !knownFields.some((k) => matches(f.field, k))).map((f) => `${f.field}: ${pick(f.messages)}`);

  return { busy, error, run, fieldError, ownError, otherErrors, reset: () => setError(null) };
}

/** The message above a form when the API refused it; focused so keyboard users land on it. */
export function ErrorSummary({ error, others }: { error: ApiError | null; others: string[] }) {
  const { pick } = useApp();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>{pick(error.messages)}</p>
      {others.length > 0 && (
        <ul>
          {others.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { pick } = useApp();
  if (!error || error instanceof SessionExpired) return null;
  const text = error instanceof ApiError ? pick(error.messages) : String(error);
  return (
    <p class="error-summary" role="alert">
      {text}
    </p>
  );
}

/** The page's heading (the shell moves the focus to it after navigation) and its actions. */
export function PageHeader({ title, intro, children }: { title: string; intro?: string; children?: ComponentChildren }) {
  const { t } = useApp();
  useEffect(() => {
    document.title = `${title} · SIP PPID`;
  }, [title]);
  return (
    <div class="page-header">
      <div class="page-title">
        <h1 tabIndex={-1}>{title}</h1>
        <div class="page-actions">
          {children}
          <button type="button" class="secondary" onClick={() => window.print()}>
            {t('print')}
          </button>
        </div>
      </div>
      {intro && <p class="intro">{intro}</p>}
    </div>
  );
}

export function RequiredNote() {
  const { t } = useApp();
  return <p class="hint">{t('required_note')}</p>;
}

export function Loading() {
  const { t } = useApp();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a live status line, not the result of a calculation (<output>)
    <p class="loading" role="status">
      {t('loading')}
    </p>
  );
}

/** Loads data once per change of `deps`; `reload` runs it again. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    load().then(
      (d) => {
        if (!live) return;
        setData(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  return { data, setData, error, loading, reload: () => setTick((n) => n + 1) };
}

/** A list read page by page with `cursor`; `loadMore` appends the next page. */
export function usePaged<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    const g = ++generation.current;
    setLoading(true);
    setError(null);
    fetchPage(undefined).then(
      (p) => {
        if (g !== generation.current) return;
        setItems(p.items);
        setNext(p.nextCursor);
        setLoading(false);
      },
      (e: unknown) => {
        if (g !== generation.current) return;
        setItems([]);
        setNext(undefined);
        setError(e);
        setLoading(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);

  const loadMore = async () => {
    if (!next) return;
    const g = generation.current;
    setLoading(true);
    setError(null);
    try {
      const p = await fetchPage(next);
      if (g !== generation.current) return;
      setItems((old) => [...old, ...p.items]);
      setNext(p.nextCursor);
    } catch (e) {
      if (g === generation.current) setError(e);
    } finally {
      if (g === generation.current) setLoading(false);
    }
  };

  return { items, setItems, hasMore: next !== undefined, loading, error, loadMore, reload: () => setTick((n) => n + 1) };
}

export function LoadMore({ paged }: { paged: { hasMore: boolean; loading: boolean; loadMore: () => Promise<void> } }) {
  const { t } = useApp();
  if (!paged.hasMore) return null;
  return (
    <p class="no-print">
      <button type="button" class="secondary" disabled={paged.loading} onClick={() => void paged.loadMore()}>
        {paged.loading ? t('loading') : t('load_more')}
      </button>
    </p>
  );
}

/** An e-mail address that may wrap after the @ in a narrow table column. */
export function Email({ address }: { address?: string }) {
  if (!address) return <>—</>;
  const at = address.indexOf('@');
  if (at < 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}

interface ChoiceGroupProps {
  /** The fieldset's id (for an error summary to point at); generated otherwise. */
  id?: string;
  legend: ComponentChildren;
  required?: boolean;
  hint?: string;
  error?: string;
  /** Laid out in a row (checkboxes, short options) or one per line (options with explanations). */
  layout?: 'row' | 'column';
  children: ComponentChildren;
}

/** A group of checkboxes or radio buttons: a fieldset with its legend, hint and the API's error. */
export function ChoiceGroup({ id: fixedId, legend, required, hint, error, layout = 'row', children }: ChoiceGroupProps) {
  const { t } = useApp();
  const generated = useId();
  const id = fixedId ?? generated;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset id={fixedId} class={error ? 'field has-error' : 'field'} aria-describedby={describedBy || undefined}>
      <legend>
        {legend}
        {required && (
          <span class="req" aria-hidden="true" title={t('required')}>
            {' '}
            *
          </span>
        )}
      </legend>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
      <div class={layout === 'row' ? 'checks' : 'choices'}>{children}</div>
    </fieldset>
  );
}

/** Re-renders every `intervalMs` and returns the current time (for "time left" texts). */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
