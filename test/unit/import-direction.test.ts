/**
 * Imports point one way (ARCHITECTURE.md, Layout): handlers (functions/api), tasks, adapters and the
 * sites (web/) use the core; the core (functions/core) imports nothing from web/, functions/api,
 * functions/tasks, functions/adapters or infra/, apart from the declaration's types
 * (infra/system.ts) and the exceptions listed below with their reason. The register's renderer sits
 * beside its pages (web/register/render.ts) and is handed to the core's update use case as a port.
 *
 * Every kind of import counts: `import`, `import type`, `export … from`, dynamic `import()`,
 * `import('…').T` in a type, and `require()`. A type-only import of infra/system.ts is allowed (it is
 * erased); anything else against the direction fails, naming the file and the import.
 *
 * The staff app (web/staff/src, bundled for the browser) may use the core's pure helpers and types
 * and the declaration (its route table decides the pages, see permissions.ts), but no handler, task
 * or adapter, and nothing it bundles may reach the AWS SDK, Lambda middleware or Node's built-ins.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Import {
  /** The specifier as written. */
  spec: string;
  /** Erased at build time (`import type`, `export type`, every named binding `type`, `import('…').T`). */
  typeOnly: boolean;
  line: number;
}

/** Every import of a TypeScript source, of every kind. */
function importsOf(fileName: string, text: string): Import[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Import[] = [];
  const add = (node: ts.Node, spec: string, typeOnly: boolean) =>
    found.push({ spec, typeOnly, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node, node.moduleSpecifier.text, node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression;
      if (ts.isStringLiteral(e)) add(node, e.text, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, true);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node, node.arguments[0].text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });

/** The repository path a relative specifier points at (packages: undefined). */
function target(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(ROOT, dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return relative(ROOT, candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? base);
}

const read = (path: string) => importsOf(path, readFileSync(join(ROOT, path), 'utf8'));

/** Where the core may not reach, by repository path prefix. */
const OUTSIDE_CORE = ['web/', 'functions/api/', 'functions/tasks/', 'functions/adapters/', 'infra/'];
/** Packages that make code server-only or AWS-bound; the core has no AWS imports (ARCHITECTURE.md, principle 2). */
const AWS_PACKAGES = /^(@aws-sdk\/|@middy\/|@aws-lambda-powertools\/|aws-lambda$|aws-cdk-lib)/;

/**
 * Known value imports against the direction, each with its reason. A new one fails the test; one
 * that disappears must be removed from here (the test says so).
 */
const KNOWN: { from: string; to: string; why: string }[] = [
  {
    from: 'functions/core/model.ts',
    to: 'infra/system.ts',
    why: 'ROLES, the role list, is declared once in infra/system.ts (a declaration with no imports) and the zod Role enum is built from it; to be moved into the core with system.ts importing it.',
  },
];

interface Violation {
  from: string;
  line: number;
  spec: string;
  to: string;
}

/** The core's imports against the direction (type-only imports of infra/system.ts allowed). */
function coreViolations(files: readonly string[], imports: (file: string) => Import[]): Violation[] {
  const out: Violation[] = [];
  for (const from of files) {
    for (const i of imports(from)) {
      if (AWS_PACKAGES.test(i.spec)) {
        out.push({ from, line: i.line, spec: i.spec, to: i.spec });
        continue;
      }
      const to = target(from, i.spec);
      if (!to || !OUTSIDE_CORE.some((p) => to.startsWith(p))) continue;
      if (to === 'infra/system.ts' && i.typeOnly) continue;
      out.push({ from, line: i.line, spec: i.spec, to });
    }
  }
  return out;
}

const describeViolation = (v: Violation) => `${v.from}:${v.line} imports '${v.spec}' (${v.to})`;
const isKnown = (v: Violation) => KNOWN.some((k) => k.from === v.from && k.to === v.to);

/** Every repository file reachable from `start` through relative imports (`values`: only those that survive the build). */
function closure(start: readonly string[], values: boolean): Map<string, string> {
  const via = new Map<string, string>(start.map((f) => [f, f]));
  const queue = [...start];
  while (queue.length) {
    const from = queue.pop()!;
    if (!existsSync(join(ROOT, from))) continue;
    for (const i of read(from)) {
      if (values && i.typeOnly) continue;
      const to = target(from, i.spec) ?? `package ${i.spec}`;
      if (via.has(to)) continue;
      via.set(to, `${via.get(from)} → ${to}`);
      if (!to.startsWith('package ')) queue.push(to);
    }
  }
  return via;
}

describe('import direction', () => {
  const core = sources('functions/core');

  it('finds every kind of import (the scanner itself)', () => {
    const text = [
      "import { a } from '../../web/register/pages.tsx';",
      "import type { B } from '../../infra/system.ts';",
      "import { type C, type D } from '../adapters/x.ts';",
      "export { e } from '../api/y.ts';",
      "export type { F } from '../tasks/z.ts';",
      "export * from '../../web/shared/favicon.ts';",
      "const g = await import('../tasks/register.ts');",
      "type H = import('../adapters/s3.ts').S3;",
      "const i = require('../api/http.ts');",
      "import j = require('../api/j.ts');",
      "import { ROLES } from '../../infra/system.ts';",
    ].join('\n');
    const found = importsOf('functions/core/fake.ts', text);
    expect(found.map((i) => [i.spec, i.typeOnly])).toEqual([
      ['../../web/register/pages.tsx', false],
      ['../../infra/system.ts', true],
      ['../adapters/x.ts', true],
      ['../api/y.ts', false],
      ['../tasks/z.ts', true],
      ['../../web/shared/favicon.ts', false],
      ['../tasks/register.ts', false],
      ['../adapters/s3.ts', true],
      ['../api/http.ts', false],
      ['../api/j.ts', false],
      ['../../infra/system.ts', false],
    ]);
    // Every one of them is a violation from the core but the type-only import of the declaration.
    const violations = coreViolations(['functions/core/fake.ts'], () => found);
    expect(violations.map((v) => v.spec)).toEqual([
      '../../web/register/pages.tsx',
      '../adapters/x.ts',
      '../api/y.ts',
      '../tasks/z.ts',
      '../../web/shared/favicon.ts',
      '../tasks/register.ts',
      '../adapters/s3.ts',
      '../api/http.ts',
      '../api/j.ts',
      '../../infra/system.ts',
    ]);
    expect(coreViolations(['functions/core/fake.ts'], () => importsOf('x.ts', "import { S3Client } from '@aws-sdk/client-s3';"))).toHaveLength(1);
  });

  it('functions/core imports nothing from web/, functions/api, functions/tasks, functions/adapters or infra/ (but the declaration’s types)', () => {
    expect(core.length).toBeGreaterThan(50);
    const violations = coreViolations(core, read);
    expect(violations.filter((v) => !isKnown(v)).map(describeViolation)).toEqual([]);
    // A known exception that is gone must leave the list.
    const stale = KNOWN.filter((k) => !violations.some((v) => v.from === k.from && v.to === k.to));
    expect(stale.map((k) => `${k.from} → ${k.to} no longer happens: remove it from KNOWN`)).toEqual([]);
  });

  it('the register’s renderer and pages are out of the core’s reach, so there is no circle between them', () => {
    const reach = closure(core, false);
    const web = [...reach.entries()].filter(([f]) => f.startsWith('web/'));
    expect(web.map(([, path]) => path)).toEqual([]);
    expect(existsSync(join(ROOT, 'web/register/render.ts'))).toBe(true);
    expect(core.some((f) => f.startsWith('functions/core/register/') && read(f).some((i) => target(f, i.spec)?.startsWith('web/')))).toBe(false);
  });

  it('the staff app bundles no handler, task, adapter, AWS SDK, middleware or Node built-in', () => {
    const staff = sources('web/staff/src');
    const direct = staff.flatMap((from) =>
      read(from)
        .map((i) => ({ from, line: i.line, spec: i.spec, to: target(from, i.spec) ?? i.spec }))
        .filter((v) => /^(functions\/(api|tasks|adapters)\/|infra\/(?!system\.ts$))/.test(v.to)),
    );
    expect(direct.map(describeViolation)).toEqual([]);
    const bundled = closure(['web/staff/src/main.tsx'], true);
    const bad = [...bundled.entries()].filter(
      ([f]) =>
        /^(functions\/(api|tasks|adapters)\/|infra\/(?!system\.ts$))/.test(f) || /^package (node:|@aws-sdk\/|@middy\/|@aws-lambda-powertools\/|zod$)/.test(f),
    );
    expect(bad.map(([, path]) => path)).toEqual([]);
  });
});
