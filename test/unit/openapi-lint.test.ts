/**
 * The OpenAPI document (GET /api/openapi.json, built by functions/api/meta.ts from every route's zod
 * schemas) passes Redocly's `recommended` ruleset with no problem at all, warnings included, plus two
 * rules that `recommended` leaves off and this API keeps: every operation's tag is declared (with a
 * description: `tag-description`, in `recommended`) and every path and query parameter is described.
 *
 * One rule is turned off, for a reason written down:
 * - `info-license`: the project states no licence (no LICENSE file, no `license` in package.json);
 *   the document must not name one that its owners never chose. Turn the rule back on when they do.
 */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { API_TAGS, openApiDocument } from '../../functions/api/openapi.ts';
import { handlerModule, routes } from '../../infra/system.ts';

const RULES = {
  'operation-tag-defined': 'error',
  'parameter-description': 'error',
  'info-contact': 'error',
  'info-license': 'off',
} as const;

const contact = { name: 'PPID Pemerintah Provinsi Kalimantan Barat', email: 'ppid@kalbarprov.go.id', url: 'https://ppid.kalbarprov.go.id' };

async function lint(doc: unknown) {
  const config = await createConfig({ extends: ['recommended'], rules: RULES });
  const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
  return problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
}

describe('OpenAPI document', () => {
  it("passes Redocly's recommended rules with no error and no warning", async () => {
    expect(await lint(openApiDocument({ contact }))).toEqual([]);
  });

  it('declares every tag it uses, with a description, names the PPID as contact and describes the whole API', () => {
    const doc = openApiDocument({ contact }) as {
      info: { contact: unknown; description: string };
      tags: { name: string; description: string }[];
      paths: Record<string, Record<string, { tags: string[]; parameters: { description?: string }[] }>>;
    };
    expect(doc.info.contact).toEqual(contact);
    for (const part of ['SOP 000', 'SOP 002', 'SOP 001', 'DIK', 'Keberatan', 'sengketa', 'dasbor', 'Objections', 'disputes', 'dashboard', 'Reports'])
      expect(doc.info.description).toContain(part);
    const declared = new Set(doc.tags.map((t) => t.name));
    for (const r of routes.filter((r) => r.handler.startsWith('api/'))) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.path}`).toBeDefined();
      expect(op?.tags, `${r.method} ${r.path}`).toEqual([API_TAGS[handlerModule(r.handler)]?.name]);
      for (const t of op?.tags ?? []) expect(declared.has(t), t).toBe(true);
      for (const p of op?.parameters ?? []) expect(p.description, `${r.method} ${r.path}`).toMatch(/\S{3}/);
    }
    for (const t of doc.tags) expect(t.description).toMatch(/ \/ /); // Bahasa Indonesia / English
  });

  it('the linter as configured here does catch an undeclared tag and an undescribed parameter', async () => {
    const doc = openApiDocument({ contact }) as { tags: unknown[]; paths: Record<string, Record<string, { parameters: { description?: string }[] }>> };
    doc.tags = doc.tags.slice(1);
    delete doc.paths['/api/items/{itemId}']?.get?.parameters[0]?.description;
    const problems = await lint(doc);
    expect(problems.some((p) => p.includes('operation-tag-defined'))).toBe(true);
    expect(problems.some((p) => p.includes('parameter-description') && p.includes('/paths/~1api~1items~1{itemId}/get'))).toBe(true);
  });
});
