/**
 * The staff app's countdown (pages/item-parts.tsx TimeLeft, used by every list and inbox): late, one
 * statement says by how much ("Terlambat 3 hari kerja", "Terlambat 5 menit"), never a badge
 * "Terlambat" followed by "terlambat …" again.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { AppContext, type AppState } from '../../web/staff/src/context.ts';
import { type MessageKey, translate, type Vars } from '../../web/staff/src/i18n.ts';
import { TimeLeft } from '../../web/staff/src/pages/item-parts.tsx';
import type { Lang } from '../../web/staff/src/types.ts';

function render(lang: Lang, seconds: number, workingDaysLate?: number): string {
  const app = { lang, t: (key: MessageKey, vars?: Vars) => translate(lang, key, vars) } as unknown as AppState;
  const html = renderToString(h(AppContext.Provider, { value: app }, h(TimeLeft, { seconds, workingDaysLate })));
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('how late, in one statement', () => {
  it('says once that it is late and by how much, in working days when the deadline counts them', () => {
    expect(render('id', -3 * 86_400, 3)).toBe('Terlambat 3 hari kerja');
    expect(render('id', -86_400, 1)).toBe('Terlambat 1 hari kerja');
    expect(render('en', -3 * 86_400, 3)).toBe('3 working days overdue');
    expect(render('en', -86_400, 1)).toBe('1 working day overdue');
  });

  it('says the time when no working day has passed (or the deadline does not count working days)', () => {
    expect(render('id', -5 * 60)).toBe('Terlambat 5 menit');
    expect(render('id', -(2 * 3600 + 60), 0)).toBe('Terlambat 2 jam 1 menit');
    expect(render('id', -20)).toBe('Terlambat kurang dari 1 menit');
    expect(render('en', -5 * 60)).toBe('5 minutes overdue');
    for (const s of [-20, -300, -3 * 86_400]) expect(render('id', s, 3).match(/terlambat/gi)).toHaveLength(1);
  });

  it('counts down while there is time', () => {
    expect(render('id', 3 * 86_400 + 4 * 3600)).toBe('3 hari 4 jam lagi');
    expect(render('en', 3600)).toBe('1 hour left');
  });
});
