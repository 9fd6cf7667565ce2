/**
 * AWS WAF for SIP PPID: what stops floods and password guessing before they cost anything.
 *
 * - `EdgeStack` (us-east-1, where CloudFront's web ACLs must live): one CLOUDFRONT web ACL for both
 *   distributions with the AWS managed common rule set and known-bad-inputs set, a rate-based rule
 *   on every write to `/api/*` per client address, one on everything under `/api/public/` (the
 *   register's API, reached through the register distribution without sign-in), and a stricter one
 *   on the public submission paths (the routes of infra/system.ts that take a write without sign-in:
 *   requests, objections).
 *   The distributions in SipPpidStateless take its ARN from the context `cloudFrontWebAclArn`
 *   (deploy SipPpidEdge first; README "Deploy to AWS").
 * - `signInWebAcl` (the body's region): a REGIONAL web ACL on the Cognito user pool, whose hosted
 *   sign-in page is not behind CloudFront, with a rate-based rule per client address.
 * - `routeThrottles`: API Gateway throttling per route instead of one stage-wide limit shared by all,
 *   computed from the route declarations, so a new public submission route is throttled as such
 *   without anyone remembering to.
 *
 * Cost: a web ACL is about US$5 a month plus US$1 per rule (about US$17 a month for both here), the
 * one fixed cost of the system; CloudFront's flat-rate plan includes WAF where its rules suffice.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import * as waf from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { RouteDecl } from '../system.ts';

type Rule = waf.CfnWebACL.RuleProperty;

const visibility = (name: string) => ({ cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true });

function managed(name: string, priority: number, countOnly: string[] = []): Rule {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        // Counted, not blocked: bodies over 8 KB are normal for a consequence test or a DIP entry.
        ...(countOnly.length ? { ruleActionOverrides: countOnly.map((r) => ({ name: r, actionToUse: { count: {} } })) } : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

const startsWith = (path: string): waf.CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { uriPath: {} },
    positionalConstraint: 'STARTS_WITH',
    searchString: path,
    textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
  },
});
const methodIs = (method: string): waf.CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: { method: {} },
    positionalConstraint: 'EXACTLY',
    searchString: method,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});
const anyOf = (s: waf.CfnWebACL.StatementProperty[]): waf.CfnWebACL.StatementProperty => (s.length === 1 ? s[0]! : { orStatement: { statements: s } });

/** Blocks a client address (429) that sends more than `limit` matching requests in 5 minutes. */
function rateLimit(name: string, priority: number, limit: number, scopeDown?: waf.CfnWebACL.StatementProperty): Rule {
  return {
    name,
    priority,
    action: { block: { customResponse: { responseCode: 429 } } },
    statement: { rateBasedStatement: { limit, aggregateKeyType: 'IP', evaluationWindowSec: 300, ...(scopeDown ? { scopeDownStatement: scopeDown } : {}) } },
    visibilityConfig: visibility(name),
  };
}

/**
 * Where the register's API lives: the public routes that the register pages' forms call, served on
 * the register's own origin (the register distribution forwards this prefix to the HTTP API).
 */
export const PUBLIC_API_PREFIX = '/api/public/';

/** A route that takes a write without sign-in (a public submission: request, objection, ...). */
export const isPublicSubmission = (r: RouteDecl): boolean => r.roles === 'public' && r.method !== 'GET';

/** The public submission paths: routes that accept a write without sign-in. */
export function publicWritePaths(routes: readonly RouteDecl[]): string[] {
  const prefixes = routes.filter(isPublicSubmission).map((r) => r.path.replace(/\{.*$/, '').toLowerCase());
  return [...new Set(prefixes)].sort();
}

/** Requests per client address in 5 minutes before WAF answers 429. */
export const RATE_LIMITS = { apiWrites: 600, publicApi: 100, publicSubmissions: 20, signIn: 100 } as const;

export function cloudFrontRules(routes: readonly RouteDecl[]): Rule[] {
  const rules: Rule[] = [
    managed('AWSManagedRulesCommonRuleSet', 0, ['SizeRestrictions_BODY']),
    managed('AWSManagedRulesKnownBadInputsRuleSet', 1),
    rateLimit('ApiWrites', 2, RATE_LIMITS.apiWrites, {
      andStatement: { statements: [startsWith('/api/'), { notStatement: { statement: methodIs('GET') } }] },
    }),
  ];
  const submissions = publicWritePaths(routes);
  if (submissions.length) rules.push(rateLimit('PublicSubmissions', 3, RATE_LIMITS.publicSubmissions, anyOf(submissions.map(startsWith))));
  // Every method: the register's lookups (status, files) are as open as its submissions.
  rules.push(rateLimit('PublicApi', 4, RATE_LIMITS.publicApi, startsWith(PUBLIC_API_PREFIX)));
  return rules;
}

export class EdgeStack extends Stack {
  readonly webAclArn: string;
  constructor(scope: Construct, id: string, props: StackProps & { routes: readonly RouteDecl[] }) {
    super(scope, id, { ...props, env: { ...props.env, region: 'us-east-1' } });
    const acl = new waf.CfnWebACL(this, 'CloudFrontWebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'SIP PPID - managed common rules, rate limits on API writes, the public API and public submissions',
      rules: cloudFrontRules(props.routes),
      visibilityConfig: visibility('SipPpidCloudFront'),
    });
    this.webAclArn = acl.attrArn;
    new CfnOutput(this, 'CloudFrontWebAclArn', { value: acl.attrArn, description: 'For cdk deploy -c cloudFrontWebAclArn=…' });
  }
}

/** A REGIONAL web ACL on the Cognito user pool: rate-based per client address, managed common rules. */
export function signInWebAcl(scope: Construct, userPoolArn: string): waf.CfnWebACL {
  const acl = new waf.CfnWebACL(scope, 'SignInWebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    description: 'SIP PPID sign-in - Cognito hosted UI and endpoints - rate limit per client address',
    rules: [rateLimit('SignInRate', 0, RATE_LIMITS.signIn), managed('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY'])],
    visibilityConfig: visibility('SipPpidSignIn'),
  });
  new waf.CfnWebACLAssociation(scope, 'SignInWebAclAssociation', { resourceArn: userPoolArn, webAclArn: acl.attrArn });
  return acl;
}

/** API Gateway throttling of one route: steady requests per second and burst, for all clients together. */
export const ROUTE_THROTTLES = {
  /** Reads, signed in or not. */
  read: { rate: 50, burst: 100 },
  /** Staff writes (signed in). */
  staffWrite: { rate: 20, burst: 40 },
  /** Public submissions (`isPublicSubmission`, under `/api/public/`): the register's forms. */
  publicSubmission: { rate: 10, burst: 20 },
} as const;

/** One route's throttle in the stage's `RouteSettings`, spelt as CloudFormation spells it. */
export interface RouteThrottle {
  ThrottlingRateLimit: number;
  ThrottlingBurstLimit: number;
}

/**
 * Throttling per route (requests per second, burst): public submissions low, writes moderate, reads
 * higher, so one busy or hostile client cannot use up what everyone shares. Computed from the
 * declarations, so every route gets its setting (API Gateway applies the stage default otherwise).
 * `RouteSettings` is a Json property (CfnStage passes it through untouched), so the keys must be
 * CloudFormation's PascalCase, as in `DefaultRouteSettings`.
 */
export function routeThrottles(routes: readonly RouteDecl[]): Record<string, RouteThrottle> {
  return Object.fromEntries(
    routes.map((r) => {
      const t = isPublicSubmission(r) ? ROUTE_THROTTLES.publicSubmission : r.method === 'GET' ? ROUTE_THROTTLES.read : ROUTE_THROTTLES.staffWrite;
      return [`${r.method} ${r.path}`, { ThrottlingRateLimit: t.rate, ThrottlingBurstLimit: t.burst }];
    }),
  );
}
