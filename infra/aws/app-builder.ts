/**
 * Builds the CDK app in-process (used by `app.ts` and by the tests) and reads back what it rendered.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, type Stack, Stage, Validations } from 'aws-cdk-lib';
import { routes } from '../system.ts';
import { bundleFunctions, ROOT } from './bundle.ts';
import { SipPpidNagChecks } from './nag.ts';
import { StatefulStack } from './stateful-stack.ts';
import { META, StatelessStack } from './stateless-stack.ts';
import { EdgeStack } from './waf.ts';

const STAFF_APP_DIR = '.build/staff-app';

let prepared = false;
/** Builds the Lambda bundles and the staff app once per process. */
function prepareAssets(): void {
  if (prepared) return;
  bundleFunctions();
  const buildFile = join(ROOT, 'web/staff/build.ts');
  if (!existsSync(buildFile)) throw new Error('web/staff/build.ts (buildStaffApp) does not exist yet');
  // buildStaffApp may be async (Vite), but CDK construction is synchronous; a child process lets
  // buildApp() stay synchronous whatever the builder returns.
  const script = `const { buildStaffApp } = await import(${JSON.stringify(pathToFileURL(buildFile).href)}); await buildStaffApp(${JSON.stringify(STAFF_APP_DIR)});`;
  try {
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`buildStaffApp('${STAFF_APP_DIR}') failed:\n${err.stderr ?? ''}${err.stdout ?? ''}`);
  }
  prepared = true;
}

export function buildApp(opts?: { outdir?: string; context?: Record<string, unknown> }): { app: App; stateful: Stack; stateless: Stack; edge: Stack } {
  prepareAssets();
  // cdk.json's context (feature flags) applies in tests too, so tests see what `cdk synth` sees.
  const { context } = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  const app = new App({ outdir: opts?.outdir, context: { ...context, ...opts?.context } });
  // Environment-agnostic stacks (env undefined): synth needs no account, credentials or lookups.
  const stateful = new StatefulStack(app, 'SipPpidStateful', {
    description: 'SIP PPID stateful resources: table, buckets and the signing certificate secret (retained)',
  });
  const stateless = new StatelessStack(app, 'SipPpidStateless', {
    description: 'SIP PPID functions, HTTP API, Cognito, state machines, schedules and CloudFront',
    table: stateful.table,
    buckets: stateful.buckets,
    logBucket: stateful.logBucket,
    signingSecret: stateful.signingSecret,
    staffAppDir: join(ROOT, STAFF_APP_DIR),
  });
  // CloudFront's web ACL must be in us-east-1: a stack of its own (waf.ts).
  const edge = new EdgeStack(app, 'SipPpidEdge', { description: 'SIP PPID web ACL for CloudFront (us-east-1)', routes });
  // cdk-nag 3 is a validation plugin (v2 was an Aspect): it runs during synth, an unacknowledged
  // error fails the synth, warnings are printed. See nag.ts.
  Validations.of(app).addPlugins(new SipPpidNagChecks(app, { verbose: true }));
  return { app, stateful, stateless, edge };
}

type Resource = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, string> };

/**
 * What the synthesized templates contain, in the same vocabulary as the local host, for the parity
 * test: routes `'GET /api/health'`, tasks `'<StateMachineId>:<Placeholder>:<module.export>'`,
 * schedules `'<id>:<stateMachineId>'`. Read from the templates (route keys, definition
 * substitutions, function handlers, schedule targets), never from infra/system.ts. The module of a
 * handler is not visible in a template (it is in the asset), so it comes from the function's metadata.
 */
export function renderedSurface(stacks: readonly Stack[] | { stateful: Stack; stateless: Stack }) {
  const list = 'stateful' in stacks ? [stacks.stateful, stacks.stateless] : stacks;
  const resources: Record<string, Resource> = {};
  for (const stack of list) {
    const stage = Stage.of(stack);
    if (!stage) throw new Error(`${stack.node.path} is not in an app`);
    // synth() returns the cached assembly when the app was already synthesized.
    const template = stage.synth().getStackArtifact(stack.artifactId).template as { Resources?: Record<string, Resource> };
    Object.assign(resources, template.Resources);
  }
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const refTo = (value: unknown) => {
    const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
    return v?.Ref ?? v?.['Fn::GetAtt']?.[0];
  };

  const routes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties?.RouteKey as string);

  const tasks: string[] = [];
  for (const [, sm] of ofType('AWS::StepFunctions::StateMachine')) {
    const subs = (sm.Properties?.DefinitionSubstitutions ?? {}) as Record<string, unknown>;
    for (const [placeholder, value] of Object.entries(subs)) {
      const fn = resources[refTo(value) ?? ''];
      if (fn?.Type !== 'AWS::Lambda::Function') continue;
      const module = fn.Metadata?.[META.handler]?.replace(/\.[^.]*$/, '');
      const exported = String(fn.Properties?.Handler).replace(/^index\./, '');
      tasks.push(`${sm.Metadata?.[META.stateMachine]}:${placeholder}:${module}.${exported}`);
    }
  }

  const schedules = ofType('AWS::Scheduler::Schedule').map(([, s]) => {
    const target = resources[refTo((s.Properties?.Target as { Arn?: unknown })?.Arn) ?? ''];
    return `${s.Metadata?.[META.schedule]}:${target?.Metadata?.[META.stateMachine]}`;
  });

  return { routes: routes.sort(), tasks: tasks.sort(), schedules: schedules.sort() };
}
