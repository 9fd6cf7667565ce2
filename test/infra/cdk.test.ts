/**
 * The AWS host renders infra/system.ts completely and passes cdk-nag (AwsSolutions) with every
 * finding either fixed or acknowledged with a reason. Offline: no account, no Docker.
 */
import { App, type CfnResource } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteGroupStack, routeGroups, routeId } from '../../infra/aws/api-routes.ts';
import { buildApp, renderedSurface } from '../../infra/aws/app-builder.ts';
import { SipPpidNagChecks } from '../../infra/aws/nag.ts';
import { StatefulStack } from '../../infra/aws/stateful-stack.ts';
import { STAFF_ONLY_HEADERS } from '../../infra/local/host.ts';
import { buckets, env, handlerModule, ROLES, routes, schedules, stateMachines, table } from '../../infra/system.ts';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

afterAll(removeTempDirs);

let built: ReturnType<typeof buildApp>;
let stateful: Template;
let stateless: Template;
/** The route groups' nested stacks (functions and integrations of the routes, api-routes.ts). */
let groups: { stack: RouteGroupStack; template: Template }[];
/** The nested stack of the state machines' task functions (workflow-tasks.ts). */
let tasks: Template;
/** The stateless stack and its nested stacks: everything that `cdk deploy SipPpidStateless` deploys. */
const statelessTemplates = () => [stateless, tasks, ...groups.map((g) => g.template)];

beforeAll(() => {
  built = buildApp({ outdir: tempDir('sip-ppid-cdk-') });
  // In-process synth throws if cdk-nag (a validation plugin) reports an unacknowledged error.
  built.app.synth();
  stateful = Template.fromStack(built.stateful);
  stateless = Template.fromStack(built.stateless);
  groups = built.stateless.routeStacks.map((stack) => ({ stack, template: Template.fromStack(stack) }));
  tasks = Template.fromStack(built.stateless.workflowTasks);
}, 180_000);

const taskCount = stateMachines.reduce((n, m) => n + Object.keys(m.tasks).length, 0);

describe('stateful stack', () => {
  it('has the single table with PITR, deletion protection, TTL and the GSIs', () => {
    stateful.resourceCountIs('AWS::DynamoDB::Table', 1);
    stateful.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
        KeySchema: [
          { AttributeName: table.partitionKey, KeyType: 'HASH' },
          { AttributeName: table.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: table.indexes.map((i) =>
          Match.objectLike({
            IndexName: i.name,
            KeySchema: [
              { AttributeName: i.partitionKey, KeyType: 'HASH' },
              { AttributeName: i.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          }),
        ),
      }),
    });
  });

  it('lets the documents bucket forget exported registers after a day and unchecked uploads after two', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'exports/', ExpirationInDays: 1, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 2, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('keeps documents versioned, encrypted, private, TLS-only and logged', () => {
    const [id] = Object.keys(
      stateful.findResources('AWS::S3::Bucket', {
        Properties: Match.objectLike({ VersioningConfiguration: { Status: 'Enabled' } }),
      }),
    );
    expect(id).toMatch(new RegExp(`^${buckets.documents.id}`));
    stateful.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
      }),
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      }),
    });
  });
});

describe('uploads from the browser', () => {
  /** The documents bucket's CORS rule of a stateful stack made with this context (the stack alone: no synth of the rest). */
  const corsOrigins = (context: Record<string, string>) => {
    const app = new App({ context });
    const template = Template.fromStack(new StatefulStack(app, 'SipPpidStateful'));
    const [documents] = Object.values(template.findResources('AWS::S3::Bucket', { Properties: Match.objectLike({ CorsConfiguration: Match.anyValue() }) }));
    return (documents?.Properties.CorsConfiguration.CorsRules as { AllowedOrigins: string[]; AllowedMethods: string[] }[]).map((r) => r.AllowedOrigins);
  };

  it('the documents bucket (and only it) answers CORS for the staff app and the register, each origin allowed when given as context', () => {
    const [documents, ...others] = Object.entries(stateful.findResources('AWS::S3::Bucket')).filter(([, b]) => b.Properties.CorsConfiguration);
    expect(others).toEqual([]);
    expect(documents![0]).toMatch(new RegExp(`^${buckets.documents.id}`));
    expect(documents![1].Properties.CorsConfiguration.CorsRules).toEqual([expect.objectContaining({ AllowedOrigins: ['*'], AllowedMethods: ['POST', 'PUT'] })]);
    const staff = 'https://d1111staff.cloudfront.net';
    const register = 'https://d2222register.cloudfront.net';
    expect(corsOrigins({ staffAppOrigin: staff, registerOrigin: register })).toEqual([[staff, register]]);
    expect(corsOrigins({ registerOrigin: register })).toEqual([[register]]);
    expect(corsOrigins({ staffAppOrigin: staff })).toEqual([[staff]]);
    expect(corsOrigins({ staffAppOrigin: ' ', registerOrigin: '' })).toEqual([['*']]);
  });

  it("the register's pages may connect to the documents bucket (the request form's power of attorney) and to nothing else; the staff app too", () => {
    const policies = Object.values(stateless.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as {
      Properties: { ResponseHeadersPolicyConfig: { Comment: string; SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } } } };
    }[];
    /** The policy's CSP as text, each intrinsic (the bucket's domain, Cognito's) written as its JSON. */
    const csp = (id: string) => {
      const value = policies.find((p) => p.Properties.ResponseHeadersPolicyConfig.Comment.startsWith(`SIP PPID ${id}:`))!.Properties.ResponseHeadersPolicyConfig
        .SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
      const parts = typeof value === 'string' ? [value] : (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      return parts.map((p) => (typeof p === 'string' ? p : `<${JSON.stringify(p)}>`)).join('');
    };
    const directive = (id: string, name: string) =>
      csp(id)
        .split('; ')
        .filter((d) => d.startsWith(`${name} `))
        .map((d) => d.split(' ').slice(1));
    const [register] = directive('RegisterHeaders', 'connect-src');
    const [staff] = directive('StaffAppHeaders', 'connect-src');
    expect(directive('RegisterHeaders', 'connect-src')).toHaveLength(1);
    // 'self' and the documents bucket's regional domain, from the stateful stack.
    expect(register).toHaveLength(2);
    expect(register![0]).toBe("'self'");
    expect(register![1]).toMatch(new RegExp(`^https://<.*${buckets.documents.id}\\w*RegionalDomainName`));
    // The staff app's has the same bucket (and Cognito's hosted UI besides).
    expect(staff).toContain(register![1]);
    expect(staff!.some((source) => /^https:\/\/sip-ppid-.*\.auth\..*\.amazoncognito\.com$/.test(source))).toBe(true);
    expect(csp('RegisterHeaders')).toMatch(/frame-ancestors 'none'/);
  });
});

describe('stateless stack', () => {
  it('has one arm64 nodejs24.x function per route and per task: the tasks in their nested stack, the routes in their group', () => {
    const arm64 = { Properties: Match.objectLike({ Runtime: 'nodejs24.x', Architectures: ['arm64'] }) };
    const fns = statelessTemplates().flatMap((t) => Object.values(t.findResources('AWS::Lambda::Function', arm64)));
    expect(fns).toHaveLength(routes.length + taskCount);
    for (const fn of fns) {
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        TABLE_NAME: expect.anything(),
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'sip-ppid',
        POWERTOOLS_METRICS_NAMESPACE: 'SipPpid',
      });
      expect(fn.Properties.LoggingConfig?.LogGroup).toBeDefined();
    }
    const taskHandlers = stateMachines.flatMap((m) => Object.values(m.tasks).map((t) => t.handler));
    const handlersIn = (t: Template) => Object.values(t.findResources('AWS::Lambda::Function', arm64)).map((fn) => fn.Metadata['SipPpid:Handler']);
    expect(handlersIn(stateless)).toEqual([]);
    expect(handlersIn(tasks).sort()).toEqual(taskHandlers.sort());
    for (const { stack, template } of groups) {
      const group = routeGroups(routes).find((g) => g.id === stack.node.id)!;
      expect(handlersIn(template).sort()).toEqual(group.routes.map((r) => r.handler).sort());
      expect(new Set(group.routes.map((r) => handlerModule(r.handler)))).toEqual(new Set([group.module]));
    }
    expect(groups.map((g) => g.stack.node.id)).toEqual(routeGroups(routes).map((g) => g.id));
  });

  it('gives each function the variables and grants of its `uses`, and no others', () => {
    const decls = [
      ...routes.map((r) => ({ handler: r.handler, uses: r.uses ?? [] })),
      ...stateMachines.flatMap((m) => Object.values(m.tasks).map((t) => ({ handler: t.handler, uses: t.uses ?? [] }))),
    ];
    let checked = 0;
    // Each function's role and policies are in the function's own stack.
    for (const template of statelessTemplates()) {
      const fns = template.findResources('AWS::Lambda::Function', { Properties: Match.objectLike({ Runtime: 'nodejs24.x' }) });
      const policies = Object.values(template.findResources('AWS::IAM::Policy'));
      for (const fn of Object.values(fns)) {
        checked++;
        const decl = decls.find((d) => d.handler === fn.Metadata['SipPpid:Handler']);
        expect(decl).toBeDefined();
        const uses: readonly string[] = decl?.uses ?? [];
        const vars = Object.keys(fn.Properties.Environment.Variables);
        expect(vars.includes('USER_POOL_ID')).toBe(uses.includes('identity'));
        expect(vars.includes('MAIL_FROM')).toBe(uses.includes('mail'));
        expect(vars.includes(buckets.documents.env)).toBe(uses.includes('documents'));
        expect(vars.includes(buckets.register.env)).toBe(uses.includes('register'));
        // `workflows`: every state machine, also for a task of a machine declared before another (or
        // before its own: ContinueLater starts a fresh execution of the exclusion machine it runs in).
        for (const m of stateMachines) expect(vars.includes(env.stateMachineArn(m.id))).toBe(uses.includes('workflows'));
        const roleRef = fn.Properties.Role['Fn::GetAtt'][0];
        const actions = policies
          .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleRef))
          .flatMap((p) => p.Properties.PolicyDocument.Statement.flatMap((st: { Action: string | string[] }) => [st.Action].flat()));
        expect(actions.includes('cognito-idp:Admin*')).toBe(uses.includes('identity'));
        expect(actions.includes('ses:SendEmail')).toBe(uses.includes('mail'));
        // Routes start executions and answer tokens; task functions (which exist before their state
        // machine) may only answer tokens.
        const isTask = stateMachines.some((m) => Object.values(m.tasks).some((t) => t.handler === decl?.handler));
        expect(actions.includes(isTask ? 'states:SendTaskSuccess' : 'states:StartExecution')).toBe(uses.includes('workflows'));
        expect(actions.some((a) => a.startsWith('s3:'))).toBe(uses.includes('documents') || uses.includes('register'));
      }
    }
    expect(checked).toBe(routes.length + taskCount);
  });

  it("keeps each route beside the API (logical ID from method and path) and its integration and invoke permission in the route's group", () => {
    const routeResources = stateless.findResources('AWS::ApiGatewayV2::Route');
    for (const r of routes) {
      const id = Object.keys(routeResources).find((k) => routeResources[k].Properties.RouteKey === `${r.method} ${r.path}`)!;
      // The construct path, so the logical ID, that the L2 HttpRoute gave it before the split: the
      // route is updated in place (new target), never created anew (API Gateway refuses a second
      // route with the same key while the first exists).
      const construct = built.stateless.node.findChild(`Route${routeId(r)}`).node.findChild('Resource') as CfnResource;
      expect(built.stateless.resolve(construct.logicalId)).toBe(id);
      expect(JSON.stringify(routeResources[id].Properties.Target)).toMatch(/"Fn::GetAtt":\["Routes\w+NestedStackResource\w*","Outputs\./);
    }
    for (const { stack, template } of groups) {
      const group = routeGroups(routes).find((g) => g.id === stack.node.id)!;
      template.resourceCountIs('AWS::ApiGatewayV2::Integration', group.routes.length);
      template.resourceCountIs('AWS::ApiGatewayV2::Route', 0);
      for (const r of group.routes) {
        template.hasResourceProperties('AWS::Lambda::Permission', {
          Principal: 'apigateway.amazonaws.com',
          SourceArn: { 'Fn::Join': ['', Match.arrayWith([`/*/*${r.path}`])] },
        });
      }
    }
    // Two logical IDs as they were before the split.
    expect(routeResources.RouteGetApiHealthE834BE96?.Properties.RouteKey).toBe('GET /api/health');
    expect(routeResources.RouteGetApiMeD2939242?.Properties.RouteKey).toBe('GET /api/me');
    // Route settings (throttles) name routes that must exist first.
    const [stage] = Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage'));
    expect([...stage.DependsOn].sort()).toEqual(Object.keys(routeResources).sort());
  });

  it('has an HTTP API route per system route, JWT-authorized exactly when not public', () => {
    stateless.resourceCountIs('AWS::ApiGatewayV2::Route', routes.length);
    for (const r of routes) {
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${r.method} ${r.path}`,
        AuthorizationType: r.roles === 'public' ? 'NONE' : 'JWT',
        AuthorizerId: r.roles === 'public' ? Match.absent() : Match.anyValue(),
      });
    }
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
    });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('has one Cognito group per role and a PKCE public client', () => {
    const groups = Object.values(stateless.findResources('AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...ROLES].sort());
    stateless.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'OPTIONAL',
      Schema: Match.arrayWith([Match.objectLike({ Name: 'agency', Mutable: true })]),
    });
    stateless.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
    });
  });

  it("mails Cognito's invitation in Bahasa Indonesia and English with the username, the temporary password and the staff app's link", () => {
    const [pool] = Object.values(stateless.findResources('AWS::Cognito::UserPool'));
    const template = pool!.Properties.AdminCreateUserConfig.InviteMessageTemplate;
    /** A CloudFormation string as text, each intrinsic written as its JSON. */
    const text = (v: unknown): string =>
      typeof v === 'string'
        ? v
        : (v as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1].map((p) => (typeof p === 'string' ? p : `<${JSON.stringify(p)}>`)).join('');
    expect(text(template.EmailSubject)).toBe('[SIP PPID] Undangan masuk ke aplikasi petugas / Your invitation to the staff app');
    const body = text(template.EmailMessage);
    expect(body).toContain('Nama pengguna: {username}');
    expect(body).toContain('Username: {username}');
    expect(body).toContain('Kata sandi sementara: {####}');
    expect(body).toContain('Temporary password: {####}');
    expect(body).toContain('berlaku 3 hari');
    expect(pool!.Properties.Policies.PasswordPolicy.TemporaryPasswordValidityDays).toBe(3);
    // The link is the staff distribution's /app/.
    const staffId = Object.keys(stateless.findResources('AWS::CloudFront::Distribution')).find((id) => id.startsWith('StaffAppDistribution'));
    const link = `https://<${JSON.stringify({ 'Fn::GetAtt': [staffId, 'DomainName'] })}>/app/`;
    expect(body).toContain(`<a href="${link}">`);
    expect(body.indexOf('<div lang="id">')).toBeLessThan(body.indexOf('<div lang="en">'));
    expect(body.length).toBeLessThan(20_000); // Cognito's limit
  });

  it('has a state machine per declaration and a schedule per declaration', () => {
    stateless.resourceCountIs('AWS::StepFunctions::StateMachine', stateMachines.length);
    // Traced (X-Ray), so an execution and the task functions it invokes share one trace.
    for (const sm of Object.values(stateless.findResources('AWS::StepFunctions::StateMachine')))
      expect(sm.Properties.TracingConfiguration).toEqual({ Enabled: true });
    stateless.resourceCountIs('AWS::Scheduler::Schedule', schedules.length);
    for (const s of schedules) {
      stateless.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: s.expression,
        ScheduleExpressionTimezone: s.timezone,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: Match.objectLike({ Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }) }),
      });
    }
  });

  it('has two CloudFront distributions with origin access control', () => {
    stateless.resourceCountIs('AWS::CloudFront::Distribution', 2);
    stateless.resourceCountIs('AWS::CloudFront::OriginAccessControl', 2);
    const dists = Object.values(stateless.findResources('AWS::CloudFront::Distribution'));
    for (const d of dists) {
      const s3Origins = d.Properties.DistributionConfig.Origins.filter((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
      expect(s3Origins.length).toBeGreaterThan(0);
      for (const o of s3Origins) expect(o.OriginAccessControlId).toBeDefined();
      expect(d.Properties.DistributionConfig.Logging).toBeDefined();
    }
    stateless.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: Match.arrayWith([Match.objectLike({ PathPattern: '/api/*', AllowedMethods: Match.arrayWith(['PATCH', 'POST', 'DELETE']) })]),
      }),
    });
  });
});

describe('search engines', () => {
  it("the staff distribution and the API's answers send X-Robots-Tag noindex (as the local host does); the register's pages do not", () => {
    const policies = Object.values(stateless.findResources('AWS::CloudFront::ResponseHeadersPolicy')) as {
      Properties: {
        ResponseHeadersPolicyConfig: {
          Name?: string;
          Comment: string;
          CustomHeadersConfig?: { Items: { Header: string; Value: string; Override: boolean }[] };
        };
      };
    }[];
    const byComment = (id: string) =>
      policies.find((p) => p.Properties.ResponseHeadersPolicyConfig.Comment.startsWith(`SIP PPID ${id}:`))!.Properties.ResponseHeadersPolicyConfig;
    const staff = byComment('StaffAppHeaders').CustomHeadersConfig?.Items ?? [];
    expect(Object.fromEntries(staff.map((h) => [h.Header.toLowerCase(), h.Value]))).toEqual(STAFF_ONLY_HEADERS);
    expect(staff.every((h) => h.Override)).toBe(true);
    expect(byComment('RegisterHeaders').CustomHeadersConfig).toBeUndefined();
  });
});

type Behavior = {
  PathPattern?: string;
  TargetOriginId: string;
  AllowedMethods: string[];
  CachedMethods: string[];
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  ResponseHeadersPolicyId?: unknown;
  ViewerProtocolPolicy: string;
  FunctionAssociations?: unknown[];
};
type DistributionConfig = {
  Comment: string;
  CustomErrorResponses?: { ErrorCode: number; ResponseCode?: number; ResponsePagePath?: string; ErrorCachingMinTTL: number }[];
  CacheBehaviors?: Behavior[];
  DefaultCacheBehavior: Behavior;
  Origins: { Id: string; DomainName: unknown; CustomOriginConfig?: { OriginProtocolPolicy: string; OriginSSLProtocols: string[] } }[];
};
const distributions = () => {
  const dists = Object.values(stateless.findResources('AWS::CloudFront::Distribution')) as { Properties: { DistributionConfig: DistributionConfig } }[];
  const config = (comment: string) => dists.find((d) => d.Properties.DistributionConfig.Comment === comment)!.Properties.DistributionConfig;
  return { register: config('SIP PPID public register'), staff: config('SIP PPID staff app (/app/) and API (/api/)') };
};
const behavior = (d: DistributionConfig, pattern: string) => d.CacheBehaviors?.find((b) => b.PathPattern === pattern);
const originOf = (d: DistributionConfig, b: Behavior) => d.Origins.find((o) => o.Id === b.TargetOriginId)!;

describe('register not-found page', () => {
  it("answers a missing path (S3's 403) with the register's 404.html, status 404, on the register distribution only", () => {
    const { register, staff } = distributions();
    expect(register.CustomErrorResponses?.find((e) => e.ErrorCode === 403)).toEqual({
      ErrorCode: 403,
      ResponseCode: 404,
      ResponsePagePath: '/404.html',
      ErrorCachingMinTTL: 60,
    });
    expect(staff.CustomErrorResponses).toBeUndefined();
  });

  it('gets a 403, never a 404, from S3 for a missing page: CloudFront may read the register bucket, not list it', () => {
    const policies = Object.values(stateful.findResources('AWS::S3::BucketPolicy')) as {
      Properties: { Bucket: { Ref: string }; PolicyDocument: { Statement: { Principal?: { Service?: string }; Action: string | string[] }[] } };
    }[];
    const register = policies.find((p) => p.Properties.Bucket.Ref.startsWith(buckets.register.id))!;
    const cloudFront = register.Properties.PolicyDocument.Statement.filter((st) => st.Principal?.Service === 'cloudfront.amazonaws.com');
    expect(cloudFront.map((st) => st.Action)).toEqual(['s3:GetObject']);
  });
});

describe('register API (/api/public/*)', () => {
  it('forwards /api/public/* on the register distribution to the HTTP API: every method, never cached, all viewer headers but Host', () => {
    const { register, staff } = distributions();
    const api = behavior(register, '/api/public/*');
    expect(api).toBeDefined();
    expect(api).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: cloudfront.CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: 'https-only',
    });
    // The register's index rewrite is for its pages, not for the API's paths.
    expect(api?.FunctionAssociations).toBeUndefined();
    // The same origin (the HTTP API's execute-api name, HTTPS only) and headers as the staff distribution's /api/*.
    const staffApi = behavior(staff, '/api/*')!;
    const origin = originOf(register, api!);
    expect(origin.DomainName).toEqual(originOf(staff, staffApi).DomainName);
    expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.');
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(api?.ResponseHeadersPolicyId).toEqual(staffApi.ResponseHeadersPolicyId);
    // Only the public routes: the staff API stays on the staff distribution.
    expect(register.CacheBehaviors?.map((b) => b.PathPattern)).toEqual(['/api/public/*']);
    expect(register.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
  });

  it("passes the API's error answers through unchanged and uncached (only S3's 403 becomes the not-found page)", () => {
    const { register } = distributions();
    const byCode = new Map(register.CustomErrorResponses?.map((e) => [e.ErrorCode, e]));
    // Every error code CloudFront would otherwise cache for 10 seconds is configured.
    expect([...byCode.keys()].sort()).toEqual([400, 403, 404, 405, 414, 500, 501, 502, 503, 504]);
    for (const [code, e] of byCode) {
      if (code === 403) continue;
      expect(e).toEqual({ ErrorCode: code, ErrorCachingMinTTL: 0 });
    }
  });
});

describe('cdk-nag (AwsSolutions)', () => {
  it('leaves no unacknowledged error or warning in any stack (nested stacks included)', () => {
    for (const stack of [built.stateful, built.stateless, built.edge]) {
      const report = new SipPpidNagChecks(undefined, { verbose: true }).validateScope(stack);
      const findings = report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
      expect(findings).toEqual([]);
    }
  });
});

describe('renderedSurface', () => {
  it('reads the routes (with their handlers, across the nested stacks), tasks and schedules back from the templates', () => {
    const surface = renderedSurface(built);
    expect(surface.routes).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(surface.routeHandlers).toEqual(routes.map((r) => `${r.method} ${r.path} → ${r.handler}`).sort());
    expect(surface.tasks).toEqual(stateMachines.flatMap((m) => Object.entries(m.tasks).map(([p, t]) => `${m.id}:${p}:${t.handler}`)).sort());
    expect(surface.schedules).toEqual(schedules.map((s) => `${s.id}:${s.target.stateMachine}`).sort());
  });
});
