/**
 * The staff app's words for numbers and instants (web/staff/src/i18n.ts, format.ts): plural forms
 * with Intl.PluralRules, instants in words in the agency's zone named WIB/WITA/WIT.
 */
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../web/staff/src/format.ts';
import { fillMessage, plural, pluralCategory, translate } from '../../web/staff/src/i18n.ts';
import { entityText } from '../../web/staff/src/pages/audit.tsx';

describe('plural forms', () => {
  it('English has one and other; Indonesian nouns do not change', () => {
    expect(pluralCategory('en', 1)).toBe('one');
    expect(pluralCategory('en', 0)).toBe('other');
    expect(pluralCategory('en', 2)).toBe('other');
    expect(pluralCategory('id', 1)).toBe('other');
    expect(plural('en', 1, { one: '# row', other: '# rows' })).toBe('1 row');
    expect(plural('en', 1500, { one: '# row', other: '# rows' })).toBe('1,500 rows');
    expect(plural('id', 1, { other: '# baris' })).toBe('1 baris');
  });

  it('fills ICU plural placeholders in messages', () => {
    expect(translate('en', 'shown_count', { n: 1 })).toBe('Showing 1 row.');
    expect(translate('en', 'shown_count', { n: 0 })).toBe('Showing 0 rows.');
    expect(translate('en', 'show_changes', { n: 1 })).toBe('Show changes (1 field)');
    expect(translate('en', 'show_changes', { n: 3 })).toBe('Show changes (3 fields)');
    expect(translate('id', 'shown_count', { n: 1 })).toBe('Menampilkan 1 baris.');
    expect(translate('en', 'reminders_sent', { n: 1 })).toBe('Reminded once.');
    expect(fillMessage('en', '{n, plural, one {# file} other {# files}} in {where}', { n: 2, where: 'A' })).toBe('2 files in A');
    // A missing number leaves the placeholder visible rather than guessing.
    expect(fillMessage('en', '{n, plural, one {# file} other {# files}}')).toBe('{n, plural, one {# file} other {# files}}');
  });
});

describe('instants for people', () => {
  const at = '2026-12-08T16:59:59.000Z';
  it('in words, in the zone, named WIB/WITA/WIT in both languages', () => {
    expect(formatDateTime('id', at, 'Asia/Pontianak', true)).toBe('Selasa, 8 Desember 2026 pukul 23.59 WIB');
    expect(formatDateTime('en', at, 'Asia/Pontianak', true)).toBe('Tuesday, 8 December 2026 at 23:59 WIB');
    expect(formatDateTime('en', at, 'Asia/Makassar')).toBe('9 Dec 2026, 00:59 WITA');
    expect(formatDateTime('id', at, 'Asia/Jayapura')).toBe('9 Des 2026, 01.59 WIT');
    expect(formatDateTime('en', at, 'Asia/Jakarta')).not.toContain('GMT');
  });

  it('audited records by label, never by uuid', () => {
    expect(entityText('id', { type: 'item', id: 'd4646b11-2f7e-4c59-9a51-3b0d3c7f2e10', label: 'DINKES/2026/0001 — Profil' })).toBe(
      'DINKES/2026/0001 — Profil',
    );
    expect(entityText('id', { type: 'item', id: 'd4646b11-2f7e-4c59-9a51-3b0d3c7f2e10' })).toBe('');
    expect(entityText('id', { type: 'holiday', id: '2026-08-17' })).toBe('Senin, 17 Agustus 2026');
  });
});
