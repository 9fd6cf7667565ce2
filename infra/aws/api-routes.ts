/**
 * The HTTP API's routes, spread over stacks so that the app can grow far past CloudFormation's limit
 * of 500 resources per stack.
 *
 * Each route costs seven resources: its function, role, role policy and log group, the integration,
 * the permission that lets API Gateway invoke the function, and the route itself. In one stack, 150
 * routes would be over 1,000. So:
 *
 * - The function, role, policy, log group, integration and permission of a route (six resources, the
 *   route's code and everything it may do) live in a nested stack of its route group: the routes of one
 *   handler module (`api/items` → `RoutesApiItems`), at most `ROUTES_PER_STACK` to a stack (a larger
 *   module continues in `RoutesApiItemsPart2`, ...). A group's nested stack stays small whatever the
 *   module grows to, and is deployed together with its parent (one `cdk deploy`, no exports).
 * - The route itself (`AWS::ApiGatewayV2::Route`, one resource) stays in the stateless stack beside
 *   the HTTP API, its JWT authorizer and the stage, under the logical ID it has always had (derived
 *   from method and path, never from the handler module). API Gateway refuses a second route with a
 *   key that exists ("Route with key ... already exists", 409), and CloudFormation creates a moved
 *   resource before it deletes the old one; so a route never moves between stacks: not when this
 *   split is first deployed (each route's target is updated in place to the integration in its
 *   nested stack), not when a handler moves to another module or a group is split. Only functions
 *   move, which replaces them without interruption.
 * - The stage's per-route throttles name route keys, which must exist first: the stage depends on
 *   every route.
 *
 * The stateless stack thus grows by one resource per route and one per route group; a group's nested
 * stack by six per route (test/infra/stacks.test.ts keeps both in sight).
 */
import { type Duration, NestedStack, type NestedStackProps, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { handlerModule, type RouteDecl } from '../system.ts';
import type { FunctionFactory } from './functions.ts';

/**
 * Routes per nested stack: 6 resources each, so a full group holds 240, and stays under 450 even if
 * every route later gains a few resources more (an alias, an alarm).
 */
export const ROUTES_PER_STACK = 40;

/** `'api/agencies'` → `'ApiAgencies'`; `'GET /api/agencies/{agencyId}'` → `'GetApiAgenciesAgencyid'`. */
export const pascal = (s: string): string =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
    .join('');

/** The construct ID part of a route (its function is `Fn<id>`, its route `Route<id>`). */
export const routeId = (r: RouteDecl): string => pascal(`${r.method} ${r.path}`);
export const routeKey = (r: RouteDecl): string => `${r.method} ${r.path}`;

export interface RouteGroup {
  /** Construct ID of the nested stack: `Routes<Module>`, `Routes<Module>Part2`, ... */
  id: string;
  module: string;
  routes: readonly RouteDecl[];
}

/** The routes by handler module (in declaration order), `ROUTES_PER_STACK` at most to a group. */
export function routeGroups(routes: readonly RouteDecl[], perStack = ROUTES_PER_STACK): RouteGroup[] {
  const byModule = new Map<string, RouteDecl[]>();
  for (const r of routes) {
    const m = handlerModule(r.handler);
    byModule.set(m, [...(byModule.get(m) ?? []), r]);
  }
  const groups: RouteGroup[] = [];
  for (const [module, list] of byModule) {
    for (let i = 0; i < list.length; i += perStack) {
      const part = i / perStack + 1;
      groups.push({ id: `Routes${pascal(module)}${part > 1 ? `Part${part}` : ''}`, module, routes: list.slice(i, i + perStack) });
    }
  }
  return groups;
}

export interface RouteGroupStackProps extends NestedStackProps {
  group: RouteGroup;
  api: apigw.IHttpApi;
  functions: FunctionFactory;
  /** Of each route function (`timeout` would be the nested stack's own, for CloudFormation). */
  functionTimeout: Duration;
}

/** One route group's functions and integrations (the routes themselves are in the parent). */
export class RouteGroupStack extends NestedStack {
  /** Route key → the integration that runs the route's function. */
  readonly integrations = new Map<string, apigw.HttpIntegration>();

  constructor(scope: Construct, id: string, props: RouteGroupStackProps) {
    super(scope, id, props);
    const { api, group } = props;
    for (const route of group.routes) {
      const rid = routeId(route);
      const fn = props.functions.make(this, `Fn${rid}`, {
        handler: route.handler,
        uses: route.uses ?? [],
        description: `${route.method} ${route.path} → ${route.handler}`,
        timeout: props.functionTimeout,
      });
      // As HttpLambdaIntegration does: API Gateway may invoke it for this path (any stage and method).
      fn.addPermission('ApiInvoke', {
        principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
        sourceArn: Stack.of(this).formatArn({ service: 'execute-api', resource: api.apiId, resourceName: `*/*${route.path}` }),
      });
      const integration = new apigw.HttpIntegration(this, `Integration${rid}`, {
        httpApi: api,
        integrationType: apigw.HttpIntegrationType.AWS_PROXY,
        integrationUri: fn.functionArn,
        payloadFormatVersion: apigw.PayloadFormatVersion.VERSION_2_0,
      });
      this.integrations.set(routeKey(route), integration);
    }
  }
}
