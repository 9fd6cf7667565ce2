/**
 * The invitation a new staff user gets (issue 16, point 9): the username, how the first sign-in
 * works and the link to the staff app, in Bahasa Indonesia then English. One text for both hosts:
 * - AWS: Cognito mails it itself when AdminCreateUser makes the account (the user pool's invitation
 *   template, infra/aws/stateless-stack.ts), with its placeholders `{username}` and `{####}` (the
 *   one-time temporary password) in place of the values;
 * - local host: there is no password per user (infra/local/idp.ts: every active user signs in with
 *   one shared local password), so the invitation says exactly that, and goes to the outbox.
 */
import * as z from 'zod';
import { staffMail } from './mail-text.ts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The local identity provider's shared password when `LOCAL_PASSWORD` is not set. */
export const DEFAULT_LOCAL_PASSWORD = 'demo12345';

/** How the first sign-in works: what the identity provider arranged for a new account. */
export type FirstSignIn =
  /** Cognito: a one-time temporary password (or its template placeholder), replaced at first sign-in. */
  | { kind: 'temporary_password'; password: string; validDays: number }
  /**
   * The local host: one shared password for every user. Its value is named only when it is the
   * well-known default; a password set in `LOCAL_PASSWORD` is not written into mails.
   */
  | { kind: 'shared_local_password'; isDefault: boolean };

export interface Invitation {
  subject: string;
  text: string;
  html: string;
}

const SUBJECT = { id: 'Undangan masuk ke aplikasi petugas', en: 'Your invitation to the staff app' };

/** The password lines, Bahasa Indonesia and English. */
function passwordLines(first: FirstSignIn): { id: string[]; en: string[] } {
  if (first.kind === 'temporary_password')
    return {
      id: [
        `Kata sandi sementara: ${first.password}`,
        `Kata sandi ini hanya untuk masuk pertama kali dan berlaku ${first.validDays} hari; setelah masuk Anda diminta membuat kata sandi sendiri. Bila sudah lewat, minta administrator mengirim undangan baru.`,
      ],
      en: [
        `Temporary password: ${first.password}`,
        `It is for your first sign-in only and is valid for ${first.validDays} ${first.validDays === 1 ? 'day' : 'days'}; you will then choose your own password. If it has expired, ask the administrator for a new invitation.`,
      ],
    };
  const value = first.isDefault ? `"${DEFAULT_LOCAL_PASSWORD}"` : null;
  return {
    id: [
      value
        ? `Kata sandi: host lokal (pengembangan) ini tidak menyimpan kata sandi per pengguna; semua pengguna aktif masuk dengan kata sandi lokal bersama ${value} (bawaan; diubah dengan LOCAL_PASSWORD).`
        : 'Kata sandi: host lokal (pengembangan) ini tidak menyimpan kata sandi per pengguna; semua pengguna aktif masuk dengan kata sandi lokal bersama yang diatur di LOCAL_PASSWORD saat host dijalankan (tanyakan pengelola host).',
      'Di AWS, Amazon Cognito mengirim kata sandi sementara sekali pakai sebagai gantinya.',
    ],
    en: [
      value
        ? `Password: this local (development) host keeps no password per user; every active user signs in with the shared local password ${value} (the default; LOCAL_PASSWORD changes it).`
        : 'Password: this local (development) host keeps no password per user; every active user signs in with the shared local password set in LOCAL_PASSWORD when the host was started (ask whoever runs it).',
      'On AWS, Amazon Cognito mails a one-time temporary password instead.',
    ],
  };
}

/** The invitation mail of a new user: `username` and `appUrl` as given (Cognito: `{username}`). */
export function invitationMail(input: { username: string; appUrl: string; firstSignIn: FirstSignIn }): Invitation {
  const pw = passwordLines(input.firstSignIn);
  const id = [
    'Akun Anda di aplikasi petugas SIP PPID (layanan informasi publik, UU 14/2008) telah dibuat.',
    `Nama pengguna: ${input.username}`,
    ...pw.id,
    'Bila Anda tidak mengharapkan akun ini, abaikan surel ini dan beri tahu administrator.',
  ];
  const en = [
    'Your account in the SIP PPID staff app (public-information service, UU 14/2008) has been created.',
    `Username: ${input.username}`,
    ...pw.en,
    'If you did not expect this account, ignore this mail and tell the administrator.',
  ];
  const { subject, text } = staffMail({ subject: SUBJECT, id, en, link: input.appUrl });
  // Cognito sends its template as HTML: one paragraph a line, the link as a link.
  const link = escapeHtml(input.appUrl);
  const paragraphs = (lines: string[], open: string) =>
    [...lines.map((l) => `<p>${escapeHtml(l)}</p>`), `<p>${open}: <a href="${link}">${link}</a></p>`].join('');
  const html = `<div lang="id">${paragraphs(id, 'Masuk')}</div><hr><div lang="en">${paragraphs(en, 'Sign in')}</div>`;
  return { subject, text, html };
}

/** Days a Cognito temporary password stays valid (the user pool's policy, infra/aws/stateless-stack.ts). */
export const TEMPORARY_PASSWORD_DAYS = 3;

/** What the identity provider did when it made a new user's account (IdentityDirectory.createUser). */
export type SignInSetup =
  /** Cognito mailed its invitation with a one-time temporary password. */
  | { via: 'cognito_invitation'; temporaryPasswordDays: number }
  /** Cognito already had this account with a password of its own (left from an earlier attempt). */
  | { via: 'existing_password' }
  /** The local host: nothing mailed yet; the shared local password signs everyone in. */
  | { via: 'shared_local_password'; isDefault: boolean };

/** How the new user signs in, as the API answers `POST /api/users` and the users page shows it. */
export const SignIn = z
  .object({
    via: z.enum(['cognito_invitation', 'existing_password', 'shared_local_password']).meta({
      description:
        '`cognito_invitation`: Cognito mailed a temporary password; `existing_password`: the account already had its own password; `shared_local_password`: local host, invitation in the outbox, one shared password',
    }),
    mailedTo: z.string().optional().meta({ description: 'Where the invitation went (absent when none was sent)' }),
    appUrl: z.string().meta({ description: 'The staff app, where the user signs in' }),
    text: z.object({ id: z.string(), en: z.string() }).meta({ description: 'How the new user signs in, in words (Bahasa Indonesia, English)' }),
  })
  .meta({ description: 'How the new user signs in' });
export type SignIn = z.infer<typeof SignIn>;

/** The answer's account of the first sign-in, in words, for the admin who made the account. */
export function signInOf(user: { username: string; email: string }, setup: SignInSetup, appUrl: string, mailed: boolean): SignIn {
  const base = { via: setup.via, appUrl, ...(mailed ? { mailedTo: user.email } : {}) };
  if (setup.via === 'cognito_invitation') {
    const d = setup.temporaryPasswordDays;
    return {
      ...base,
      text: {
        id: `Undangan berisi nama pengguna ${user.username} dan kata sandi sementara (berlaku ${d} hari) telah dikirim ke ${user.email}. Pengguna masuk di ${appUrl}, lalu membuat kata sandi sendiri.`,
        en: `An invitation with the username ${user.username} and a temporary password (valid ${d} ${d === 1 ? 'day' : 'days'}) has been mailed to ${user.email}. The user signs in at ${appUrl}, then chooses a password.`,
      },
    };
  }
  if (setup.via === 'existing_password')
    return {
      ...base,
      text: {
        id: `Akun masuk ${user.username} sudah ada di Amazon Cognito dengan kata sandinya sendiri; tidak ada undangan baru. Pengguna masuk di ${appUrl} dengan kata sandi itu, atau memakai "Lupa kata sandi".`,
        en: `The sign-in account ${user.username} already existed in Amazon Cognito with its own password; no new invitation was sent. The user signs in at ${appUrl} with that password, or uses "Forgot password".`,
      },
    };
  const password = setup.isDefault ? `"${DEFAULT_LOCAL_PASSWORD}"` : 'yang diatur di LOCAL_PASSWORD';
  const passwordEn = setup.isDefault ? `"${DEFAULT_LOCAL_PASSWORD}"` : 'set in LOCAL_PASSWORD';
  return {
    ...base,
    text: {
      id: `Host lokal: undangan ${mailed ? `untuk ${user.email} ada di kotak keluar (/outbox/)` : 'tidak dikirim'}. Pengguna masuk di ${appUrl} dengan nama pengguna ${user.username} dan kata sandi lokal bersama ${password}; host lokal tidak menyimpan kata sandi per pengguna.`,
      en: `Local host: the invitation ${mailed ? `to ${user.email} is in the outbox (/outbox/)` : 'was not sent'}. The user signs in at ${appUrl} with the username ${user.username} and the shared local password ${passwordEn}; the local host keeps no password per user.`,
    },
  };
}
