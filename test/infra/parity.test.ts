/**
 * The two hosts render the same system: every route, workflow task and schedule present in the AWS
 * templates is served by the local host, and nothing more. Each side is read from what it actually
 * built (the synthesized CloudFormation of every stack and nested stack; the local router, engine
 * bindings and scheduler), not from infra/system.ts, so a host that drops or invents something fails
 * here. In AWS a route is followed from the stateless stack, through its route group's nested stack
 * (integration, function), to the handler it runs, which must be the one the local host runs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, renderedSurface } from '../../infra/aws/app-builder.ts';
import { loadHandler, matchRoute } from '../../infra/local/api-gateway.ts';
import { ROOT } from '../../infra/local/host.ts';
import { LocalScheduler } from '../../infra/local/scheduler.ts';
import { LocalStepFunctions } from '../../infra/local/stepfunctions.ts';
import { routes, schedules } from '../../infra/system.ts';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

afterAll(removeTempDirs);

async function localSurface() {
  const served: string[] = [];
  const handlers: string[] = [];
  for (const r of routes) {
    const samplePath = r.path.replace(/\{(\w+)\}/g, 'sample');
    const match = matchRoute(r.method, samplePath);
    if (typeof match === 'object' && typeof (await loadHandler(match.decl.handler)) === 'function') {
      served.push(`${match.decl.method} ${match.decl.path}`);
      handlers.push(`${match.decl.method} ${match.decl.path} → ${match.decl.handler}`);
    }
  }
  const engine = new LocalStepFunctions({ dataDir: tempDir('parity-'), root: ROOT });
  for (const t of engine.surface()) await loadHandler(t.split(':')[2]);
  return {
    routes: served.sort(),
    routeHandlers: handlers.sort(),
    tasks: engine.surface().sort(),
    schedules: new LocalScheduler(schedules, () => {}).surface().sort(),
  };
}

describe('AWS and local hosts', () => {
  it('serve the same routes, tasks and schedules', async () => {
    const aws = renderedSurface(buildApp({ outdir: tempDir('parity-cdk-') }));
    const local = await localSurface();
    expect(local.routes.length).toBe(routes.length);
    expect(local.tasks.length).toBeGreaterThan(0);
    expect(local.schedules.length).toBe(schedules.length);
    expect(aws.routeHandlers.length).toBe(routes.length);
    expect({
      routes: [...aws.routes].sort(),
      routeHandlers: [...aws.routeHandlers].sort(),
      tasks: [...aws.tasks].sort(),
      schedules: [...aws.schedules].sort(),
    }).toEqual(local);
  }, 180_000);
});
