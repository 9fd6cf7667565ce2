/**
 * Builds the CDK app in-process (used by `app.ts` and by the tests) and reads back what it rendered.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, NestedStack, Stack, Stage, Validations } from 'aws-cdk-lib';
import { type RouteDecl, routes as systemRoutes } from '../system.ts';
import { bundleFunctions, ROOT } from './bundle.ts';
import { META } from './functions.ts';
import { SipPpidNagChecks } from './nag.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack } from './stateless-stack.ts';
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

export function buildApp(opts?: {
  outdir?: string;
  context?: Record<string, unknown>;
  /** Routes to render instead of infra/system.ts's (tests: how the stacks grow with more routes). */
  routes?: readonly RouteDecl[];
}): { app: App; stateful: StatefulStack; stateless: StatelessStack; edge: EdgeStack } {
  prepareAssets();
  const routes = opts?.routes ?? systemRoutes;
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
    routes,
  });
  // CloudFront's web ACL must be in us-east-1: a stack of its own (waf.ts).
  const edge = new EdgeStack(app, 'SipPpidEdge', { description: 'SIP PPID web ACL for CloudFront (us-east-1)', routes });
  // cdk-nag 3 is a validation plugin (v2 was an Aspect): it runs during synth, an unacknowledged
  // error fails the synth, warnings are printed. See nag.ts.
  Validations.of(app).addPlugins(new SipPpidNagChecks(app, { verbose: true }));
  return { app, stateful, stateless, edge };
}

type Resource = { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, string> };
type Template = { Resources?: Record<string, Resource>; Outputs?: Record<string, { Value: unknown }> };

export interface SynthesizedStack {
  /** Construct path: `SipPpidStateless`, `SipPpidStateless/RoutesApiItems`. */
  path: string;
  nested: boolean;
  template: Template;
  /** How many resources the template holds (CloudFormation allows 500 per stack, nested or not). */
  resourceCount: number;
}

/** The synthesized template of a stack or nested stack (synthesizes the app once, then reads the cache). */
function templateOf(stack: Stack): Template {
  const stage = Stage.of(stack);
  if (!stage) throw new Error(`${stack.node.path} is not in an app`);
  // synth() returns the cached assembly when the app was already synthesized.
  const assembly = stage.synth();
  return stack.nestedStackParent
    ? (JSON.parse(readFileSync(join(assembly.directory, stack.templateFile), 'utf8')) as Template)
    : (assembly.getStackArtifact(stack.artifactId).template as Template);
}

/** Every stack of the app as deployed, each top-level stack followed by its nested stacks. */
export function synthesizedStacks(stacks: readonly Stack[]): SynthesizedStack[] {
  const all = stacks.flatMap((s) => [s, ...s.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c))]);
  return all.map((stack) => {
    const template = templateOf(stack);
    return { path: stack.node.path, nested: NestedStack.isNestedStack(stack), template, resourceCount: Object.keys(template.Resources ?? {}).length };
  });
}

/**
 * What the synthesized templates contain, in the same vocabulary as the local host, for the parity
 * test: routes `'GET /api/health'`, each route's handler `'GET /api/health → api/meta.health'`,
 * tasks `'<StateMachineId>:<Placeholder>:<module.export>'`, schedules `'<id>:<stateMachineId>'`.
 * Read from the templates of every stack and nested stack (route keys, route targets followed
 * through the nested stack's outputs to the integration and its function, definition substitutions,
 * function handlers, schedule targets), never from infra/system.ts. The module of a handler is not
 * visible in a template (it is in the asset), so it comes from the function's metadata.
 */
export function renderedSurface(stacks: readonly Stack[] | { stateful: Stack; stateless: Stack }) {
  const list = 'stateful' in stacks ? [stacks.stateful, stacks.stateless] : stacks;
  const synthesized = list.flatMap((s) => [s, ...s.node.findAll().filter((c): c is NestedStack => NestedStack.isNestedStack(c))]);
  const templates = new Map(synthesized.map((s) => [s, templateOf(s)]));
  /** Nested stacks by their logical ID in their parent's template. */
  const nestedByLogicalId = new Map<string, NestedStack>();
  for (const s of synthesized) {
    if (NestedStack.isNestedStack(s) && s.nestedStackResource) {
      nestedByLogicalId.set(Stack.of(s.nestedStackParent!).resolve(s.nestedStackResource.logicalId) as string, s);
    }
  }
  const resourcesOf = (s: Stack) => templates.get(s)?.Resources ?? {};
  const refTo = (value: unknown) => {
    const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
    return v?.Ref ?? v?.['Fn::GetAtt']?.[0];
  };
  /** The resource that `value` (a Ref or GetAtt, possibly of a nested stack's output) names. */
  const resolve = (stack: Stack, value: unknown): [Stack, Resource] | undefined => {
    const v = value as { 'Fn::GetAtt'?: [string, string] };
    const [target, attribute] = v?.['Fn::GetAtt'] ?? [];
    if (target && attribute?.startsWith('Outputs.')) {
      const nested = nestedByLogicalId.get(target);
      const output = nested && templates.get(nested)?.Outputs?.[attribute.slice('Outputs.'.length)];
      return nested && output ? resolve(nested, output.Value) : undefined;
    }
    const resource = resourcesOf(stack)[refTo(value) ?? ''];
    return resource ? [stack, resource] : undefined;
  };
  const handlerOf = (fn: Resource | undefined) => {
    if (fn?.Type !== 'AWS::Lambda::Function') return undefined;
    const module = fn.Metadata?.[META.handler]?.replace(/\.[^.]*$/, '');
    const exported = String(fn.Properties?.Handler).replace(/^index\./, '');
    return `${module}.${exported}`;
  };
  const ofType = (type: string) =>
    synthesized.flatMap((stack) =>
      Object.values(resourcesOf(stack))
        .filter((r) => r.Type === type)
        .map((r) => [stack, r] as const),
    );

  const routes: string[] = [];
  const routeHandlers: string[] = [];
  for (const [stack, route] of ofType('AWS::ApiGatewayV2::Route')) {
    const key = route.Properties?.RouteKey as string;
    routes.push(key);
    // Target: { 'Fn::Join': ['', ['integrations/', <integration>]] }
    const target = (route.Properties?.Target as { 'Fn::Join'?: [string, unknown[]] })?.['Fn::Join']?.[1]?.[1];
    const integration = resolve(stack, target);
    const fn = integration && resolve(integration[0], integration[1].Properties?.IntegrationUri);
    routeHandlers.push(`${key} → ${handlerOf(fn?.[1]) ?? '(no function)'}`);
  }

  const tasks: string[] = [];
  for (const [stack, sm] of ofType('AWS::StepFunctions::StateMachine')) {
    const subs = (sm.Properties?.DefinitionSubstitutions ?? {}) as Record<string, unknown>;
    for (const [placeholder, value] of Object.entries(subs)) {
      const handler = handlerOf(resolve(stack, value)?.[1]);
      if (handler) tasks.push(`${sm.Metadata?.[META.stateMachine]}:${placeholder}:${handler}`);
    }
  }

  const schedules = ofType('AWS::Scheduler::Schedule').map(([stack, s]) => {
    const target = resolve(stack, (s.Properties?.Target as { Arn?: unknown })?.Arn)?.[1];
    return `${s.Metadata?.[META.schedule]}:${target?.Metadata?.[META.stateMachine]}`;
  });

  return { routes: routes.sort(), routeHandlers: routeHandlers.sort(), tasks: tasks.sort(), schedules: schedules.sort() };
}
