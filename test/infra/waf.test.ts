/**
 * Issue 17, finding 6, in AWS: a WAF web ACL for both CloudFront distributions (managed common rules,
 * rate limits on API writes, the public API under /api/public/ and public submissions), a regional
 * one on the Cognito user pool, and per-route throttling on the HTTP API, all through cdk-nag.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/aws/app-builder.ts';
import { cloudFrontRules, isPublicSubmission, PUBLIC_API_PREFIX, publicWritePaths, RATE_LIMITS, ROUTE_THROTTLES, routeThrottles } from '../../infra/aws/waf.ts';
import { type RouteDecl, routes } from '../../infra/system.ts';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

afterAll(removeTempDirs);

const ACL_ARN = 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/sip-ppid/0123';
let edge: Template;
let stateless: Template;
let edgeRegion: string;

beforeAll(() => {
  const built = buildApp({ outdir: tempDir('sip-ppid-waf-'), context: { cloudFrontWebAclArn: ACL_ARN } });
  built.app.synth(); // cdk-nag runs here: unacknowledged errors throw
  edge = Template.fromStack(built.edge);
  edgeRegion = built.edge.region;
  stateless = Template.fromStack(built.stateless);
}, 180_000);

describe('CloudFront web ACL (SipPpidEdge, us-east-1)', () => {
  it('is a CLOUDFRONT-scope ACL with the managed common and known-bad-input rules and a 429 rate rule on API writes', () => {
    edge.resourceCountIs('AWS::WAFv2::WebACL', 1);
    edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'AWSManagedRulesCommonRuleSet',
          Statement: { ManagedRuleGroupStatement: Match.objectLike({ VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' }) },
        }),
        Match.objectLike({ Name: 'AWSManagedRulesKnownBadInputsRuleSet' }),
        Match.objectLike({
          Name: 'ApiWrites',
          Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
          Statement: { RateBasedStatement: Match.objectLike({ Limit: RATE_LIMITS.apiWrites, AggregateKeyType: 'IP', EvaluationWindowSec: 300 }) },
        }),
      ]),
    });
    expect(edgeRegion).toBe('us-east-1');
  });

  it('adds a stricter rate rule on every public submission path as soon as such a route exists', () => {
    const submit: RouteDecl = { method: 'POST', path: '/api/public/objections/{requestNumber}', handler: 'api/objections.file', roles: 'public' };
    expect(publicWritePaths([...routes, submit])).toContain('/api/public/objections/');
    expect(publicWritePaths([...routes, submit])).toEqual([...new Set([...publicWritePaths(routes), '/api/public/objections/'])].sort());
    const rule = cloudFrontRules([...routes, submit]).find((r) => r.name === 'PublicSubmissions');
    expect(rule?.statement).toMatchObject({ rateBasedStatement: { limit: RATE_LIMITS.publicSubmissions, aggregateKeyType: 'IP' } });
  });

  it('limits each client address on everything under /api/public/ (the register API, every method) with a 429', () => {
    expect(PUBLIC_API_PREFIX).toBe('/api/public/');
    const acl = Object.values(edge.findResources('AWS::WAFv2::WebACL'))[0] as { Properties: { Rules: { Name: string; Priority: number }[] } };
    const rule = acl.Properties.Rules.find((r) => r.Name === 'PublicApi');
    expect(rule).toEqual({
      Name: 'PublicApi',
      Priority: expect.any(Number),
      Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
      Statement: {
        RateBasedStatement: {
          Limit: RATE_LIMITS.publicApi,
          AggregateKeyType: 'IP',
          EvaluationWindowSec: 300,
          ScopeDownStatement: {
            ByteMatchStatement: {
              FieldToMatch: { UriPath: {} },
              PositionalConstraint: 'STARTS_WITH',
              SearchString: '/api/public/',
              TextTransformations: [{ Priority: 0, Type: 'LOWERCASE' }],
            },
          },
        },
      },
      VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: 'PublicApi', SampledRequestsEnabled: true },
    });
    // Priorities are unique (WAF refuses the ACL otherwise), with or without public submission routes.
    for (const rules of [acl.Properties.Rules, cloudFrontRules([...routes, { method: 'POST', path: '/api/public/x', handler: 'api/x.y', roles: 'public' }])]) {
      const priorities = rules.map((r) => ('Priority' in r ? r.Priority : r.priority));
      expect(new Set(priorities).size).toBe(priorities.length);
    }
    expect(RATE_LIMITS.publicApi).toBeGreaterThan(RATE_LIMITS.publicSubmissions);
  });

  it('is attached to both distributions when its ARN is given', () => {
    const distributions = stateless.findResources('AWS::CloudFront::Distribution');
    expect(Object.keys(distributions)).toHaveLength(2);
    for (const d of Object.values(distributions))
      expect((d as { Properties: { DistributionConfig: { WebACLId?: string } } }).Properties.DistributionConfig.WebACLId).toBe(ACL_ARN);
  });
});

describe('sign-in and API', () => {
  it('puts a REGIONAL rate-limited web ACL on the Cognito user pool', () => {
    stateless.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Name: 'SignInRate', Statement: { RateBasedStatement: Match.objectLike({ Limit: RATE_LIMITS.signIn, AggregateKeyType: 'IP' }) } }),
      ]),
    });
    stateless.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { ResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^UserPool'), 'Arn'] } });
  });

  it('throttles each route on its own (public writes lowest), beside the stage-wide default', () => {
    const settings = routeThrottles(routes);
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      RouteSettings: settings,
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 }),
    });
    expect(Object.keys(settings).sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(settings['POST /api/items']).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    expect(settings['GET /api/health']).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    // Exactly CloudFormation's property names (RouteSettings is Json: nothing converts them).
    const stage = Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage'))[0] as { Properties: { RouteSettings: Record<string, object> } };
    for (const s of Object.values(stage.Properties.RouteSettings)) expect(Object.keys(s).sort()).toEqual(['ThrottlingBurstLimit', 'ThrottlingRateLimit']);
  });

  it('throttles every public submission route (public, not GET) at burst 20, rate 10, computed from the declarations', () => {
    expect(ROUTE_THROTTLES.publicSubmission).toEqual({ rate: 10, burst: 20 });
    const expected = { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 };
    // The routes declared today, as synthesized on the stage.
    const stage = Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage'))[0] as {
      Properties: { RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> };
    };
    for (const r of routes.filter(isPublicSubmission)) {
      expect(stage.Properties.RouteSettings[`${r.method} ${r.path}`]).toEqual({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
    }
    // Routes that do not exist yet get it from their declaration alone: the requests, objections and
    // reports of the public register.
    const future: RouteDecl[] = [
      { method: 'POST', path: '/api/public/requests', handler: 'api/public.request', roles: 'public' },
      { method: 'POST', path: '/api/public/objections', handler: 'api/public.objection', roles: 'public' },
      { method: 'PUT', path: '/api/public/requests/{requestId}/files', handler: 'api/public.files', roles: 'public' },
      { method: 'GET', path: '/api/public/requests/{requestId}', handler: 'api/public.status', roles: 'public' },
      { method: 'POST', path: '/api/objections', handler: 'api/objections.create', roles: ['ppid_utama'] },
    ];
    const settings = routeThrottles([...routes, ...future]);
    expect(settings['POST /api/public/requests']).toEqual(expected);
    expect(settings['POST /api/public/objections']).toEqual(expected);
    expect(settings['PUT /api/public/requests/{requestId}/files']).toEqual(expected);
    // A public read is a read, a staff write a staff write.
    expect(settings['GET /api/public/requests/{requestId}']).toEqual({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 });
    expect(settings['POST /api/objections']).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
  });

  it('keeps every public submission route under /api/public/, where the register distribution, WAF and throttles expect it', () => {
    const outside = routes.filter((r) => isPublicSubmission(r) && !r.path.startsWith(PUBLIC_API_PREFIX)).map((r) => `${r.method} ${r.path}`);
    expect(outside).toEqual([]);
  });
});
