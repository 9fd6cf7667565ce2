/**
 * The public body as documents show it (admin): its name and the register address printed with the
 * verification QR code, and the region's coat of arms for every letterhead, uploaded like any
 * document (a ticket, straight to storage, then checked by the server).
 */
import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { forgetPrintLetterhead } from '../print.tsx';
import { ErrorMessage, ErrorSummary, Field, Loading, useLoad, useSubmit } from '../ui.tsx';
import { contentTypeFor, postToStorage, sha256Hex, type UploadTicket } from '../upload.ts';

interface PublicBody {
  name: string;
  registerUrl?: string;
  headOfBody?: { name: string; position: string; email: string };
  coatOfArms?: { contentType: string; size: number; sha256: string; uploadedAt: string; uploadedBy: string };
}

export function PublicBodyPanel() {
  const { t, api, announce } = useApp();
  const body = useLoad(() => api.get<PublicBody>('/settings/public-body'), [api]);
  if (body.loading && !body.data) return <Loading />;
  if (!body.data) return <ErrorMessage error={body.error} />;
  return (
    <section class="panel form-panel" aria-labelledby="body-h">
      <h2 id="body-h">{t('body_title')}</h2>
      <p class="hint">{t('body_intro')}</p>
      <BodyForm
        key={`${body.data.name}|${body.data.registerUrl ?? ''}`}
        body={body.data}
        onSaved={() => {
          forgetPrintLetterhead();
          body.reload();
        }}
      />
      <CoatOfArms
        body={body.data}
        onSaved={() => {
          forgetPrintLetterhead();
          announce(t('coat_of_arms_saved'));
          body.reload();
        }}
      />
    </section>
  );
}

function BodyForm({ body, onSaved }: { body: PublicBody; onSaved: () => void }) {
  const { t, api, announce } = useApp();
  const [name, setName] = useState(body.name);
  const [registerUrl, setRegisterUrl] = useState(body.registerUrl ?? '');
  const [head, setHead] = useState(body.headOfBody ?? { name: '', position: '', email: '' });
  const submit = useSubmit(['name', 'registerUrl', 'headOfBody.name', 'headOfBody.position', 'headOfBody.email']);
  const headGiven = head.name.trim() || head.position.trim() || head.email.trim();
  const onSubmit = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      await api.send('PUT', '/settings/public-body', {
        name: name.trim(),
        ...(registerUrl.trim() ? { registerUrl: registerUrl.trim() } : {}),
        ...(headGiven ? { headOfBody: { name: head.name.trim(), position: head.position.trim(), email: head.email.trim() } } : {}),
      });
      announce(t('body_saved'));
      onSaved();
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <div class="grid">
        <Field label={t('body_name')} name="name" required error={submit.fieldError('name')}>
          {(a) => <input {...a} type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field label={t('body_register_url')} name="registerUrl" hint={t('body_register_url_hint')} error={submit.fieldError('registerUrl')}>
          {(a) => <input {...a} type="url" value={registerUrl} spellcheck={false} onInput={(e) => setRegisterUrl(e.currentTarget.value)} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t('body_head')}</legend>
        <p class="hint">{t('body_head_hint')}</p>
        <div class="grid">
          <Field label={t('body_head_name')} name="headOfBody.name" error={submit.fieldError('headOfBody.name')}>
            {(a) => <input {...a} type="text" value={head.name} onInput={(e) => setHead({ ...head, name: e.currentTarget.value })} />}
          </Field>
          <Field label={t('body_head_position')} name="headOfBody.position" error={submit.fieldError('headOfBody.position')}>
            {(a) => <input {...a} type="text" value={head.position} onInput={(e) => setHead({ ...head, position: e.currentTarget.value })} />}
          </Field>
          <Field label={t('body_head_email')} name="headOfBody.email" error={submit.fieldError('headOfBody.email')}>
            {(a) => <input {...a} type="email" value={head.email} spellcheck={false} onInput={(e) => setHead({ ...head, email: e.currentTarget.value })} />}
          </Field>
        </div>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="primary" disabled={submit.busy}>
          {submit.busy ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}

function CoatOfArms({ body, onSaved }: { body: PublicBody; onSaved: () => void }) {
  const { t, api } = useApp();
  const [file, setFile] = useState<File | null>(null);
  const submit = useSubmit(['fileName', 'contentType', 'size', 'sha256']);
  const c = body.coatOfArms;
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (!file) return;
    void submit.run(async () => {
      const ticket = await api.send<{ upload: UploadTicket }>('POST', '/settings/public-body/coat-of-arms', {
        fileName: file.name,
        contentType: contentTypeFor(file),
        size: file.size,
        sha256: await sha256Hex(file),
      });
      await postToStorage(ticket.upload, file, () => {});
      await api.send('POST', '/settings/public-body/coat-of-arms/verify');
      setFile(null);
      onSaved();
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <p data-testid="coat-of-arms">
        {c ? t('coat_of_arms_current', { type: c.contentType, size: String(c.size), sha: c.sha256.slice(0, 16) }) : t('coat_of_arms_none')}
      </p>
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <Field label={t('coat_of_arms')} name="fileName" error={submit.fieldError('fileName') ?? submit.fieldError('contentType')}>
        {(a) => <input {...a} type="file" accept=".png,.jpg,.jpeg" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />}
      </Field>
      <div class="form-actions">
        <button type="submit" class="secondary" disabled={submit.busy || !file}>
          {submit.busy ? t('saving') : t('coat_of_arms_upload')}
        </button>
      </div>
    </form>
  );
}
