/** The documents of an item's working version: list, download, remove, and the upload form. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, SessionExpired } from '../api.ts';
import { useApp } from '../context.ts';
import { formatBytes, formatDateTime } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import type { DocumentRef, Item } from '../types.ts';
import { ACCEPT, ACCEPT_LIST, contentTypeFor, postToStorage, StorageUploadError, sha256Hex, type UploadTicket } from '../upload.ts';

/** The bilingual texts of a refusal: the API's message and each of its field messages. */
export function errorTexts(e: unknown, pick: (t: { id: string; en: string }) => string): string[] {
  if (!e || e instanceof SessionExpired) return [];
  // The field messages say what is wrong with the file; the general "check the fields" adds nothing.
  if (e instanceof ApiError) return e.fields.length ? e.fields.map((f) => pick(f.messages)) : [pick(e.messages)];
  return [String(e)];
}

export function DocumentsSection({
  item,
  editable,
  problem,
  onChanged,
}: {
  item: Item;
  editable: boolean;
  /** Why the item cannot be submitted for its documents (a softcopy without a checked file). */
  problem?: string;
  onChanged: () => void;
}) {
  const { t, lang, pick, api, announce, agencyTimeZone } = useApp();
  const [rowError, setRowError] = useState<unknown>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  // Keyboard and screen-reader users land on the message, beside where the file goes.
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);
  const docs = item.current.documents;
  const base = `/items/${item.itemId}/documents`;

  const download = async (d: DocumentRef) => {
    setRowError(null);
    try {
      const { url } = await api.get<{ url: string }>(`${base}/${d.docId}`);
      window.location.assign(url);
    } catch (e) {
      setRowError(e);
    }
  };
  const remove = async (d: DocumentRef) => {
    if (!window.confirm(t('doc_remove_confirm', { name: d.fileName }))) return;
    setRowError(null);
    try {
      await api.send('DELETE', `${base}/${d.docId}`);
      announce(t('doc_removed', { name: d.fileName }));
    } catch (e) {
      setRowError(e);
    }
    onChanged();
  };

  return (
    <section class="panel" aria-labelledby="docs-h">
      <h2 id="docs-h">{t('documents_title')}</h2>
      {problem && (
        <div class="error-summary" id="docs-problem" role="alert" tabIndex={-1} ref={problemRef}>
          <p>{problem}</p>
        </div>
      )}
      {errorTexts(rowError, pick).length > 0 && (
        <div class="error-summary" role="alert">
          {errorTexts(rowError, pick).map((x) => (
            <p key={x}>{x}</p>
          ))}
        </div>
      )}
      {docs.length === 0 ? (
        <p>{t('documents_empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('documents_caption', { n: item.current.versionNo })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col_file')}</th>
                <th scope="col">{t('col_size')}</th>
                <th scope="col">{t('f_status')}</th>
                <th scope="col">{t('col_uploaded')}</th>
                <th scope="col" class="no-print">
                  {t('actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {docs.map((d) => (
                <tr key={d.docId}>
                  <th scope="row" class="break">
                    {d.fileName}
                    <span class="sub-line" title="SHA-256">
                      <code class="hash">{d.sha256.slice(0, 16)}…</code>
                    </span>
                  </th>
                  <td class="nowrap">{formatBytes(lang, d.size)}</td>
                  <td>
                    <span class={d.status === 'verified' ? 'badge ok' : 'badge off'}>{d.status === 'verified' ? t('doc_verified') : t('doc_pending')}</span>
                  </td>
                  <td>
                    <code>{d.uploadedBy}</code>
                    <span class="sub-line">
                      <time dateTime={d.uploadedAt}>{formatDateTime(lang, d.uploadedAt, agencyTimeZone(item.agencyId))}</time>
                    </span>
                  </td>
                  <td class="no-print actions-cell">
                    {d.status === 'verified' && (
                      <button type="button" class="link" aria-label={t('doc_download_named', { name: d.fileName })} onClick={() => void download(d)}>
                        {t('doc_download')}
                      </button>
                    )}
                    {editable && (
                      <button type="button" class="link danger" aria-label={t('doc_remove_named', { name: d.fileName })} onClick={() => void remove(d)}>
                        {t('doc_remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && item.current.state === 'published' && <p class="notice warn">{t('upload_new_version_note')}</p>}
      {editable && <UploadForm base={`/items/${item.itemId}/documents`} idPrefix="upload-" title="upload_title" canRemove onChanged={onChanged} />}
    </section>
  );
}

type Phase = { kind: 'idle' } | { kind: 'hashing' } | { kind: 'ticket' } | { kind: 'sending'; percent: number } | { kind: 'checking' };

/**
 * The checked-upload path from the browser (hash, ticket, storage, the server's check), for an item's
 * documents and a request's documents alike. `base` is the collection's API path; `canRemove`: the
 * collection has a DELETE, so a document declared but never stored is forgotten at once.
 */
export function UploadForm(props: {
  base: string;
  /** Ids of the file field and its hint are `<idPrefix>file` and `<idPrefix>hint`. */
  idPrefix: string;
  title: MessageKey;
  intro?: MessageKey;
  canRemove: boolean;
  onChanged: () => void;
  /** More fields of the declaration (a dispute document's category), sent with the file's. */
  extra?: Record<string, unknown>;
  /** Controls for those fields, shown before the file field. */
  children?: ComponentChildren;
}) {
  const { base, idPrefix, onChanged } = props;
  const { t, pick, api, announce } = useApp();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const busy = phase.kind !== 'idle';

  const fail = (e: unknown) => {
    setError(e);
    setTimeout(() => errorRef.current?.focus(), 0);
  };

  const upload = async (file: File) => {
    let docId: string | undefined;
    try {
      setPhase({ kind: 'hashing' });
      const sha256 = await sha256Hex(file);
      setPhase({ kind: 'ticket' });
      const created = await api.send<{ document: { docId: string; fileName: string }; upload: UploadTicket }>('POST', base, {
        fileName: file.name,
        contentType: contentTypeFor(file),
        size: file.size,
        sha256,
        ...props.extra,
      });
      docId = created.document.docId;
      setPhase({ kind: 'sending', percent: 0 });
      await postToStorage(created.upload, file, (f) => setPhase({ kind: 'sending', percent: Math.round(f * 100) }));
      setPhase({ kind: 'checking' });
      await api.send('POST', `${base}/${docId}/verify`);
      announce(t('upload_done', { name: created.document.fileName }));
      if (input.current) input.current.value = '';
    } catch (e) {
      if (e instanceof StorageUploadError) {
        // Nothing arrived: forget the declared document rather than leave it pending.
        if (docId && props.canRemove) await api.send('DELETE', `${base}/${docId}`).catch(() => undefined);
        fail(t('upload_storage_failed', { status: e.status ? `HTTP ${e.status}` : t('no_response') }));
      } else if (!(e instanceof SessionExpired)) fail(e);
    } finally {
      setPhase({ kind: 'idle' });
      onChanged();
    }
  };

  const progressText =
    phase.kind === 'hashing'
      ? t('upload_hashing')
      : phase.kind === 'ticket'
        ? t('upload_ticket')
        : phase.kind === 'sending'
          ? t('upload_sending', { percent: phase.percent })
          : phase.kind === 'checking'
            ? t('upload_checking')
            : '';
  const texts = errorTexts(error, pick);

  return (
    <form
      class="upload"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const file = input.current?.files?.[0];
        if (!file) {
          fail(t('upload_choose_first'));
          return;
        }
        void upload(file);
      }}
    >
      <h3>{t(props.title)}</h3>
      {props.intro && <p class="hint">{t(props.intro)}</p>}
      {texts.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={errorRef}>
          {texts.map((x) => (
            <p key={x}>{x}</p>
          ))}
        </div>
      )}
      {props.children}
      <div class="upload-row">
        <div class="field">
          <label for={`${idPrefix}file`}>{t('upload_file')}</label>
          <p id={`${idPrefix}hint`} class="hint">
            {t('upload_hint', { types: ACCEPT_LIST })}
          </p>
          <input id={`${idPrefix}file`} ref={input} type="file" name="file" accept={ACCEPT} aria-describedby={`${idPrefix}hint`} disabled={busy} />
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {t('upload_button')}
        </button>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a live status line, not the result of a calculation (<output>) */}
      <div role="status" aria-live="polite" class="upload-status">
        {busy && (
          <>
            <progress
              max={100}
              value={phase.kind === 'sending' ? phase.percent : phase.kind === 'checking' ? 100 : undefined}
              aria-label={t('upload_progress')}
            />{' '}
            <span>{progressText}</span>
          </>
        )}
      </div>
    </form>
  );
}
