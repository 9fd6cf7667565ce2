/**
 * Issue 17, finding 6, in AWS: a WAF web ACL for both CloudFront distributions (managed common rules,
 * rate limits on API writes and public submissions), a regional one on the Cognito user pool, and
 * per-route throttling on the HTTP API, all through cdk-nag.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/aws/app-builder.ts';
import { cloudFrontRules, publicWritePaths, RATE_LIMITS, routeThrottles } from '../../infra/aws/waf.ts';
import { type RouteDecl, routes } from '../../infra/system.ts';

const ACL_ARN = 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/sip-ppid/0123';
let edge: Template;
let stateless: Template;
let edgeRegion: string;

beforeAll(() => {
  const built = buildApp({ outdir: mkdtempSync(join(tmpdir(), 'sip-ppid-waf-')), context: { cloudFrontWebAclArn: ACL_ARN } });
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
    const submit: RouteDecl = { method: 'POST', path: '/api/public/requests', handler: 'api/requests.file', roles: 'public' };
    expect(publicWritePaths([...routes, submit])).toEqual(['/api/public/requests']);
    const rule = cloudFrontRules([...routes, submit]).find((r) => r.name === 'PublicSubmissions');
    expect(rule?.statement).toMatchObject({ rateBasedStatement: { limit: RATE_LIMITS.publicSubmissions, aggregateKeyType: 'IP' } });
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
    expect(settings['POST /api/items']).toEqual({ throttlingRateLimit: 20, throttlingBurstLimit: 40 });
    expect(routeThrottles([{ method: 'POST', path: '/api/public/x', handler: 'api/x.y', roles: 'public' }])['POST /api/public/x']?.throttlingRateLimit).toBe(5);
  });
});
