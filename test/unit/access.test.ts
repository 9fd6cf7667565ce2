import { describe, expect, it } from 'vitest';
import { assertAgencyScope, canReachAgency, listScope, type Principal } from '../../functions/core/access.ts';
import { DomainError } from '../../functions/core/errors.ts';

const p = (role: Principal['role'], agencyId = 'dinkes'): Principal => ({ username: 'u', name: 'U', role, agencyId });

describe('agency scope', () => {
  it('admin and PPID Utama reach every agency; every other role only its own', () => {
    expect(canReachAgency(p('admin', 'diskominfo'), 'dinkes')).toBe(true);
    expect(canReachAgency(p('ppid_utama', 'diskominfo'), 'dinkes')).toBe(true);
    for (const role of ['petugas', 'ppid_pelaksana', 'pejabat_pid', 'atasan_ppid'] as const) {
      expect(canReachAgency(p(role), 'dinkes')).toBe(true);
      expect(canReachAgency(p(role), 'disdikbud')).toBe(false);
    }
  });

  it('refuses with 403 and a bilingual message', () => {
    try {
      assertAgencyScope(p('petugas'), 'disdikbud');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).status).toBe(403);
      expect((e as DomainError).text.id).toMatch(/perangkat daerah lain/);
    }
  });

  it('list scope narrows SKPD users to their agency and refuses another', () => {
    expect(listScope(p('petugas'), undefined)).toBe('dinkes');
    expect(listScope(p('admin'), undefined)).toBeUndefined();
    expect(listScope(p('ppid_utama'), 'bappeda')).toBe('bappeda');
    expect(() => listScope(p('petugas'), 'bappeda')).toThrow(DomainError);
  });
});
