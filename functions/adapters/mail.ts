/**
 * Outgoing mail: SES in AWS; locally an outbox folder (one JSON file per message) that the local
 * host shows at /outbox/. The idempotency key makes a retried workflow task send a message once.
 */
import { link, mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mailer } from '../core/ports.ts';
import { config } from './config.ts';

export interface OutboxMessage {
  id: string;
  at: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
}

const outbox: Mailer = {
  async send(mail) {
    const dir = config.outboxDir();
    await mkdir(dir, { recursive: true });
    const id = mail.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '_');
    const message: OutboxMessage = { id, at: new Date().toISOString(), from: config.mailFrom(), ...mail };
    // Written whole under a temporary name, then linked in: a reader never sees half a message, and
    // a second send with the same key leaves the first message as it was (link fails with EEXIST).
    const temp = join(dir, `.${id}.${process.pid}.${Date.now()}.tmp`);
    await writeFile(temp, JSON.stringify(message, null, 2));
    try {
      await link(temp, join(dir, `${id}.json`));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await unlink(temp);
    }
  },
};

let ses: SESv2Client | undefined;
const sesMailer: Mailer = {
  async send(mail) {
    // The SES client is imported at the first mail, not at every function's cold start.
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    ses ??= new SESv2Client({});
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: config.mailFrom(),
        Destination: { ToAddresses: mail.to },
        Content: {
          Simple: {
            Subject: { Data: mail.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: mail.text, Charset: 'UTF-8' }, ...(mail.html ? { Html: { Data: mail.html, Charset: 'UTF-8' } } : {}) },
          },
        },
      }),
    );
  },
};

export function mailer(): Mailer {
  return config.host() === 'local' ? outbox : sesMailer;
}
