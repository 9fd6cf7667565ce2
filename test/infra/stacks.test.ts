/**
 * CloudFormation allows 500 resources per stack, and a nested stack counts on its own. Every stack of
 * the app stays under RESOURCE_BUDGET (450, room for what a stack gains besides routes) with today's
 * routes, and still after GROWTH more routes, synthesized for real (infra/aws/api-routes.ts explains
 * how the routes are spread).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES_PER_STACK, routeGroups } from '../../infra/aws/api-routes.ts';
import { buildApp, type SynthesizedStack, synthesizedStacks } from '../../infra/aws/app-builder.ts';
import { handlerModule, type RouteDecl, routes, STAFF } from '../../infra/system.ts';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

afterAll(removeTempDirs);

const RESOURCE_BUDGET = 450;
const GROWTH = 100;

/**
 * GROWTH routes more, of every kind: public submissions under /api/public/ and staff routes, with
 * every `uses` (the costliest grants included), most of them (60) in one module so that it fills
 * more than one route group, the rest spread over the other modules. Each function has its own bundle
 * (infra/aws/bundle.ts), built for the handlers that exist: a growth route runs an existing handler
 * of its module (a new function over the same asset).
 */
function growth(): RouteDecl[] {
  const modules = [...new Set(routes.map((r) => handlerModule(r.handler)))];
  const handlerOf = (module: string, i: number) => {
    const handlers = routes.filter((r) => handlerModule(r.handler) === module).map((r) => r.handler);
    return handlers[i % handlers.length]!;
  };
  const uses: RouteDecl['uses'][] = [['workflows', 'mail'], [], ['documents', 'signing'], ['identity'], ['register']];
  return Array.from({ length: GROWTH }, (_, i): RouteDecl => {
    const module = i < 60 ? modules[0]! : modules[i % modules.length]!;
    const submission = i % 3 === 0;
    return submission
      ? { method: 'POST', path: `/api/public/growth/${i}`, handler: handlerOf(module, i), roles: 'public', uses: uses[i % uses.length] }
      : {
          method: (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const)[i % 5]!,
          path: `/api/growth/${i}/{id}`,
          handler: handlerOf(module, i),
          roles: STAFF,
          uses: uses[i % uses.length],
        };
  });
}

let now: SynthesizedStack[];
let grown: SynthesizedStack[];
const count = (stacks: SynthesizedStack[], path: string) => stacks.find((s) => s.path === path)?.resourceCount ?? 0;
/** Resources other than CDK's own metadata (which CDK adds to some stacks, not to others). */
const ownResources = (stacks: SynthesizedStack[], path: string) =>
  Object.values(stacks.find((s) => s.path === path)?.template.Resources ?? {}).filter((r) => r.Type !== 'AWS::CDK::Metadata').length;
const table = (stacks: SynthesizedStack[]) => Object.fromEntries(stacks.map((s) => [s.path, s.resourceCount]));

beforeAll(() => {
  const current = buildApp({ outdir: tempDir('sip-ppid-stacks-') });
  current.app.synth(); // cdk-nag runs here too
  now = synthesizedStacks([current.stateful, current.stateless, current.edge]);
  const more = buildApp({ outdir: tempDir('sip-ppid-stacks-grown-'), routes: [...routes, ...growth()] });
  more.app.synth();
  grown = synthesizedStacks([more.stateful, more.stateless, more.edge]);
}, 300_000);

describe('resources per stack', () => {
  it(`keeps every stack, nested ones included, under ${RESOURCE_BUDGET} resources with today's routes`, () => {
    // One nested stack per route group, and one for the workflows' task functions.
    expect(now.filter((s) => s.nested).length).toBe(routeGroups(routes).length + 1);
    const over = now.filter((s) => s.resourceCount >= RESOURCE_BUDGET);
    expect(
      over.map((s) => `${s.path}: ${s.resourceCount}`),
      JSON.stringify(table(now)),
    ).toEqual([]);
  });

  it(`keeps every stack under ${RESOURCE_BUDGET} resources after ${GROWTH} more routes`, () => {
    const all = [...routes, ...growth()];
    expect(grown.filter((s) => s.nested).length).toBe(routeGroups(all).length + 1);
    // The big module fills more than one group, none over ROUTES_PER_STACK routes.
    expect(routeGroups(all).filter((g) => g.module === handlerModule(growth()[0]!.handler)).length).toBeGreaterThan(1);
    const over = grown.filter((s) => s.resourceCount >= RESOURCE_BUDGET);
    expect(
      over.map((s) => `${s.path}: ${s.resourceCount}`),
      JSON.stringify(table(grown)),
    ).toEqual([]);
  });

  it('grows the stateless stack by one resource per route and one per route group, a group by six per route', () => {
    const newGroups = routeGroups([...routes, ...growth()]).length - routeGroups(routes).length;
    expect(ownResources(grown, 'SipPpidStateless') - ownResources(now, 'SipPpidStateless')).toBe(GROWTH + newGroups);
    // A group: function, role, policy, log group, integration and invoke permission per route.
    for (const group of routeGroups([...routes, ...growth()])) {
      expect(ownResources(grown, `SipPpidStateless/${group.id}`)).toBe(6 * group.routes.length);
    }
    // So a full group is far from the limit, and the stateless stack has room for many more routes.
    expect(6 * ROUTES_PER_STACK + 1).toBeLessThan(RESOURCE_BUDGET);
    const perRoute = 1 + 1 / ROUTES_PER_STACK;
    const room = Math.floor((RESOURCE_BUDGET - count(now, 'SipPpidStateless')) / perRoute);
    expect(room).toBeGreaterThanOrEqual(GROWTH);
  });

  it('leaves the stateful and edge stacks as they were (routes do not reach them, WAF rules aside)', () => {
    expect(count(grown, 'SipPpidStateful')).toBe(count(now, 'SipPpidStateful'));
    expect(count(grown, 'SipPpidEdge')).toBe(count(now, 'SipPpidEdge'));
  });
});
