/**
 * Register keberatan (Perki 1/2021): per SKPD (the objections on requests routed to it) or
 * consolidated (PPID Utama, the Atasan PPID, admin), one year at a time, printable on A4 landscape
 * and exported as CSV and XLSX (book.tsx). It holds the objectors' names, addresses and contacts:
 * only the roles that may read them open it, and every opening and export is audited
 * (functions/core/objections/book.ts).
 */
import { OBJECTION_BOOK_BODY_WIDE, OBJECTION_BOOK_ROLES } from '../types.ts';
import { RegisterBook } from './book.tsx';

export function ObjectionBookPage() {
  return (
    <RegisterBook
      path="/objections/register"
      roles={OBJECTION_BOOK_ROLES}
      bodyWideRoles={OBJECTION_BOOK_BODY_WIDE}
      title="ob_book_title"
      intro="ob_book_intro"
      personalNote="ob_book_personal_note"
      notAllowed="ob_book_not_allowed"
      back={{ href: '#/', label: 'nav_home' }}
    />
  );
}
