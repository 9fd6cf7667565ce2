/**
 * Pieces the pages of a case share (a request, an objection, an exclusion, an item): looking again
 * while the workflow works, actions that a 409 sends back to the page read again, short-lived file
 * links, people by name, the timeline in words, and a released document's redaction note.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import { Field, useSubmit } from '../ui.tsx';
import { whenInWords } from './request-parts.tsx';

/** While `waiting` (the workflow works: a deadline, a notice, a letter), read the record again every 1.5 s, `maxRounds` times at most. */
export function usePollWhile(waiting: boolean, maxRounds: number, reload: () => void) {
  const rounds = useRef(0);
  useEffect(() => {
    if (!waiting || rounds.current >= maxRounds) return;
    const timer = setTimeout(() => {
      rounds.current += 1;
      reload();
    }, 1500);
    return () => clearTimeout(timer);
  });
}

/**
 * Runs an action on a record: `fn` does it and gives the message to announce; the focus then goes to
 * where the record stands (`statusId`: the form just used may be gone). A 409 (someone else acted
 * first, or the state moved on) goes to the live region and the page is read again; other refusals
 * are shown by the fields.
 */
export function useRecordAction(known: readonly string[], statusId: string, reload: () => void) {
  const { pick, announce } = useApp();
  const submit = useSubmit(known);
  const act = (fn: () => Promise<string>) =>
    submit.run(async () => {
      try {
        announce(await fn());
        setTimeout(() => document.getElementById(statusId)?.focus(), 0);
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          announce(pick(e.messages), 'error');
          reload();
          return;
        }
        throw e;
      }
    });
  return { submit, act };
}

/** Opens a file through its short-lived link: `/objections/{id}/files/…` or `/requests/{id}/files/…`. */
export function useFileLink() {
  const { api } = useApp();
  const [error, setError] = useState<unknown>(null);
  const open = async (path: string) => {
    setError(null);
    try {
      const { url } = await api.get<{ url: string }>(path);
      window.location.assign(url);
    } catch (e) {
      setError(e);
    }
  };
  return { open, error };
}

/** A person named by username: their name (the API sends the names, first found in `names`), "the system", or the username. */
export function usePeople(...names: (Record<string, string> | undefined)[]) {
  const { t } = useApp();
  return (username?: string): string => {
    if (!username) return '';
    if (username === 'system') return t('rq_by_system');
    for (const n of names) if (n?.[username] !== undefined) return n[username]!;
    return username;
  };
}

interface TimelineEvent {
  at: string;
  type: string;
  by?: string;
  note?: string;
  agencyId?: string;
}

/** The timeline: each event with its date in words, what happened, the unit and who, and its note in words. */
export function TimelineSection<E extends TimelineEvent>(props: {
  prefix: string;
  title: string;
  events: readonly E[];
  zone: string | undefined;
  eventKey: (type: E['type']) => MessageKey;
  noteOf: (e: E) => string | undefined;
  who: (username?: string) => string;
}) {
  const { t, lang, agencyName } = useApp();
  return (
    <section class="panel" aria-labelledby={`${props.prefix}-timeline-h`}>
      <h2 id={`${props.prefix}-timeline-h`}>{props.title}</h2>
      <ol class="timeline">
        {props.events.map((e, i) => {
          const note = e.note ? props.noteOf(e) : undefined;
          return (
            <li key={i} class={`ev ev-${e.type}`}>
              <time dateTime={e.at}>{whenInWords(lang, e.at, props.zone)}</time>
              <span class="ev-what">
                <strong>{t(props.eventKey(e.type))}</strong>
                {e.agencyId && ` · ${agencyName(e.agencyId)}`}
                {e.by && ` · ${t('rq_by', { by: props.who(e.by) })}`}
              </span>
              {note && <span class="sub-line pre-line">{note}</span>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A released document's redaction: blacked out or not, and if so what and on which ground. */
export interface RedactionChoice {
  redacted: boolean;
  what: string;
  ground: string;
}

/**
 * The API's refusal of a released document less what its redaction fields show themselves (the
 * rest is shown above the document).
 */
export function documentOwnError(error?: string, whatError?: string, groundError?: string) {
  return error && !whatError && !groundError
    ? error
    : error
        ?.replace(whatError ?? '', '')
        .replace(groundError ?? '', '')
        .trim();
}

/** "Blacked-out copy" and, once chosen, what was blacked out and the ground (ids `<base>-what`, `<base>-ground`). */
export function RedactionFields(props: {
  base: string;
  choice: RedactionChoice;
  onChange: (c: Partial<RedactionChoice>) => void;
  whatError?: string;
  groundError?: string;
}) {
  const { t } = useApp();
  const { base, choice: c } = props;
  return (
    <>
      <label class="check">
        <input type="checkbox" checked={c.redacted} onChange={(e) => props.onChange({ redacted: e.currentTarget.checked })} />
        <span>{t('rq_doc_redacted')}</span>
      </label>
      {c.redacted && (
        <div class="grid two">
          <Field
            id={`${base}-what`}
            label={t('f_rq_redaction_what')}
            name="redactionWhat"
            required
            hint={t('f_rq_redaction_what_hint')}
            error={props.whatError}
          >
            {(a) => <input {...a} type="text" maxLength={1000} value={c.what} onInput={(e) => props.onChange({ what: e.currentTarget.value })} />}
          </Field>
          <Field
            id={`${base}-ground`}
            label={t('f_rq_redaction_ground')}
            name="redactionGround"
            required
            hint={t('f_rq_redaction_ground_hint')}
            error={props.groundError}
          >
            {(a) => <input {...a} type="text" maxLength={500} value={c.ground} onInput={(e) => props.onChange({ ground: e.currentTarget.value })} />}
          </Field>
        </div>
      )}
    </>
  );
}
