/**
 * Buku register permohonan informasi publik: per SKPD (the requests routed to it, with its part of
 * the answer) or consolidated (PPID Utama, admin), one year at a time, printable and exported as CSV
 * and XLSX (book.tsx). It holds the requesters' names, addresses and contacts: only the roles that
 * may read them open it, and every opening and export is audited (functions/core/requests/book.ts).
 */
import { REQUEST_BOOK_ROLES } from '../types.ts';
import { RegisterBook } from './book.tsx';

/** `PMH/2026/00042` → `2026-00042` (functions/core/requests/model.ts requestIdOf). */
const requestIdOf = (number: string) => number.replace(/^PMH\/(\d{4})\//, '$1-');

export function RequestBookPage() {
  return (
    <RegisterBook
      path="/requests/book"
      roles={REQUEST_BOOK_ROLES}
      bodyWideRoles={['admin', 'ppid_utama']}
      title="rq_book_title"
      intro="rq_book_intro"
      personalNote="rq_book_personal_note"
      notAllowed="rq_book_not_allowed"
      back={{ href: '#/requests', label: 'rq_back_to_list' }}
      rowHref={(number) => `#/requests/${requestIdOf(number)}`}
    />
  );
}
