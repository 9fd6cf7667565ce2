/**
 * Stateless stack: code and wiring around the stateful resources, rendered from `infra/system.ts`.
 *
 * Here: Cognito, the HTTP API with its JWT authorizer, stage and routes, both CloudFront
 * distributions, the state machines, the schedules and the staff app upload. The routes' functions
 * and integrations are in nested stacks, one per route group (handler module), and the state
 * machines' task functions in one more (workflow-tasks.ts), so that the routes can grow past
 * CloudFormation's 500 resources per stack (api-routes.ts). Nothing that has a fixed name or holds
 * running work (state machines: executions wait up to a year) moves out of this stack.
 *
 * Order matters only to keep references acyclic: Cognito → HTTP API → distributions (the staff one
 * fronts the API) → app client (callback on the staff distribution) → authorizer (JWT audience = app
 * client) → functions (APP_URL) → task functions (nested) → state machines → route groups → routes →
 * schedules → staff app upload.
 */
import { readFileSync } from 'node:fs';
import { Aws, CfnOutput, type CfnResource, Duration, Lazy, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct, type IConstruct } from 'constructs';
import { invitationMail, TEMPORARY_PASSWORD_DAYS } from '../../functions/core/user-invitation.ts';
import { type BucketName, buckets, ROLES, type RouteDecl, schedules, stateMachines, routes as systemRoutes } from '../system.ts';
import { pascal, RouteGroupStack, routeGroups, routeId, routeKey } from './api-routes.ts';
import { ROOT } from './bundle.ts';
import { FunctionFactory, META } from './functions.ts';
import { acknowledge } from './nag.ts';
import { PUBLIC_API_PREFIX, routeThrottles, signInWebAcl } from './waf.ts';
import { WorkflowTasksStack } from './workflow-tasks.ts';

export interface StatelessStackProps extends StackProps {
  table: dynamodb.ITable;
  buckets: Record<BucketName, s3.IBucket>;
  logBucket: s3.IBucket;
  /** The body's signing certificate (stateful stack). */
  signingSecret: secretsmanager.ISecret;
  /** Directory holding the built staff app (uploaded under `app/`). */
  staffAppDir: string;
  /** The routes to render: infra/system.ts's (default), or more, to see how the stacks grow. */
  routes?: readonly RouteDecl[];
}

/**
 * HTTP error codes that CloudFront caches (for 10 seconds unless told otherwise, whatever the cache
 * policy and the origin's Cache-Control say), from "How CloudFront processes HTTP 4xx and 5xx status
 * codes from your origin". 416 is never cached.
 */
export const CLOUDFRONT_CACHED_ERRORS = [400, 403, 404, 405, 414, 500, 501, 502, 503, 504] as const;

/**
 * The register distribution's error responses. CloudFront applies them to the whole distribution,
 * the `/api/public/*` answers included, so:
 * - Only 403 becomes the register's not-found page (404.html, both languages, the path shown; the
 *   local host serves the same, as a 404): S3 answers 403 for a missing key behind origin access
 *   control, because CloudFront may only s3:GetObject (no ListBucket; stateful-stack.ts), so a
 *   missing register page is always a 403 from S3. The public routes have no authorizer and answer
 *   no 403 of their own (a request that the web ACL's managed rules block gets the same page).
 * - Every other code passes through as the API answered it (a 404 "no such request" stays the API's
 *   JSON or page) and is not cached at all (TTL 0): an answer to one reader never reaches another.
 */
export function registerErrorResponses(): cloudfront.ErrorResponse[] {
  return CLOUDFRONT_CACHED_ERRORS.map((httpStatus) =>
    httpStatus === 403
      ? { httpStatus, responseHttpStatus: 404, responsePagePath: '/404.html', ttl: Duration.minutes(1) }
      : { httpStatus, ttl: Duration.seconds(0) },
  );
}

export class StatelessStack extends Stack {
  readonly routes: readonly RouteDecl[];
  /** The nested stacks of the route groups (api-routes.ts). */
  readonly routeStacks: readonly RouteGroupStack[];
  /** The nested stack of the state machines' task functions (workflow-tasks.ts). */
  readonly workflowTasks: WorkflowTasksStack;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    this.routes = props.routes ?? systemRoutes;
    const { table } = props;

    // ---------------------------------------------------------------- Cognito
    // The pool holds the staff accounts, so it is retained and deletion-protected even here.
    // The invitation Cognito mails on AdminCreateUser (functions/adapters/identity.ts never suppresses
    // it): the one text of core/user-invitation.ts, Bahasa Indonesia then English, with Cognito's
    // placeholders for the username and the one-time temporary password, and the staff app's link.
    // The link is the staff distribution's, made further down, hence Lazy. Cognito's own sender allows
    // 50 mails a day; `email: UserPoolEmail.withSES(...)` sends from the body's SES domain instead.
    let staffAppUrl: string | undefined;
    const invitation = () => {
      if (!staffAppUrl) throw new Error('The staff app URL is not known yet');
      const firstSignIn = { kind: 'temporary_password', password: '{####}', validDays: TEMPORARY_PASSWORD_DAYS } as const;
      return invitationMail({ username: '{username}', appUrl: staffAppUrl, firstSignIn });
    };
    const userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      userInvitation: {
        emailSubject: Lazy.string({ produce: () => invitation().subject }),
        emailBody: Lazy.string({ produce: () => invitation().html }),
      },
      // Admins choose usernames (they appear in `cognito:username` and in `USER#<username>`); people
      // may sign in with either that username or their verified email.
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // Mutable so an admin can move an officer to another agency; the app client below cannot write it.
      customAttributes: { agency: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(TEMPORARY_PASSWORD_DAYS), // as the invitation says
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      userPool,
      'AwsSolutions-COG2',
      'MFA is OPTIONAL with TOTP as the requirements state; switch to Mfa.REQUIRED once every officer has enrolled an authenticator.',
    );
    acknowledge(
      userPool,
      'AwsSolutions-COG8',
      'Threat protection (advanced security) needs the Cognito Plus feature plan, billed per active user; not in this deployment budget.',
    );
    for (const role of ROLES) {
      new cognito.CfnUserPoolGroup(this, `Group${pascal(role)}`, {
        userPoolId: userPool.userPoolId,
        groupName: role,
        description: `SIP PPID role ${role} (arrives in the ID token as cognito:groups)`,
      });
    }
    const domainPrefix: string = this.node.tryGetContext('cognitoDomainPrefix') ?? `sip-ppid-${Aws.ACCOUNT_ID}`;
    const userPoolDomain = userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix } });
    const authBase = userPoolDomain.baseUrl();
    // The same address, spelt from the prefix rather than read from the domain resource: the staff
    // distribution's CSP names it, and the pool's invitation names the distribution (below), so a
    // reference here would close a cycle (pool → distribution → headers policy → domain → pool).
    const authOrigin = `https://${domainPrefix}.auth.${this.region}.amazoncognito.com`;

    // ---------------------------------------------------------------- HTTP API
    const api = new apigw.HttpApi(this, 'Api', {
      description: 'SIP PPID API, reached through the staff CloudFront distribution at /api/*',
      createDefaultStage: false, // created below, to configure access logs and throttling
    });
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logs.RetentionDays.ONE_YEAR });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      // Per-stage cap well under the account default (10,000 rps) so one client cannot exhaust Lambda
      // concurrency or table capacity for everyone else.
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            user: '$context.authorizer.claims.cognito:username',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // Per route as well (waf.ts): a flood of one route does not take the others' share.
    (stage.node.defaultChild as apigw.CfnStage).routeSettings = routeThrottles(this.routes);
    signInWebAcl(this, userPool.userPoolArn);

    // ---------------------------------------------------------------- CloudFront
    // Imported references on purpose: see the OAC note in stateful-stack.ts (the bucket policies there
    // already let this account's distributions read; updating them from here would form a cycle).
    const siteBucket = (name: 'register' | 'staffApp') =>
      s3.Bucket.fromBucketAttributes(this, `${buckets[name].id}Site`, {
        bucketArn: props.buckets[name].bucketArn,
        bucketName: props.buckets[name].bucketName,
        bucketRegionalDomainName: props.buckets[name].bucketRegionalDomainName,
      });
    const registerBucket = siteBucket('register');
    const staffBucket = siteBucket('staffApp');

    const baseCsp = [
      "default-src 'self'",
      "img-src 'self' data:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      'upgrade-insecure-requests',
    ];
    const headers = (id: string, csp: string[], custom: Record<string, string> = {}) =>
      new cloudfront.ResponseHeadersPolicy(this, id, {
        comment: `SIP PPID ${id}: CSP without unsafe-inline, HSTS, nosniff, strict referrer, no framing`,
        ...(Object.keys(custom).length
          ? { customHeadersBehavior: { customHeaders: Object.entries(custom).map(([header, value]) => ({ header, value, override: true })) } }
          : {}),
        securityHeadersBehavior: {
          contentSecurityPolicy: { contentSecurityPolicy: csp.join('; '), override: true },
          strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
          contentTypeOptions: { override: true },
          referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
          frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        },
      });
    const documentsDomain = `https://${props.buckets.documents.bucketRegionalDomainName}`;
    // The request form uploads the power of attorney straight to the documents bucket with a presigned
    // POST (web/register/request.tsx): that bucket, and nothing else, besides the register itself.
    const registerHeaders = headers('RegisterHeaders', [...baseCsp, `connect-src 'self' ${documentsDomain}`]);
    // The staff app also talks to Cognito (token endpoint) and uploads straight to the documents bucket
    // with presigned URLs.
    // The staff app and the API are not for search engines: X-Robots-Tag noindex (the local host's STAFF_ONLY_HEADERS).
    const staffHeaders = headers('StaffAppHeaders', [...baseCsp, `connect-src 'self' ${authOrigin} ${documentsDomain}`], {
      'X-Robots-Tag': 'noindex, nofollow',
    });

    // Directory indexes for the register; app-shell fallback, `/` → `/app/` and the icon at
    // `/favicon.ico` (deployed under app/) for the staff app.
    const viewerRequest = (id: string, body: string) => [
      {
        eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
        function: new cloudfront.Function(this, id, {
          runtime: cloudfront.FunctionRuntime.JS_2_0,
          code: cloudfront.FunctionCode.fromInline(
            `function handler(event) { var request = event.request; var uri = request.uri; var last = uri.split('/').pop(); ${body} return request; }`,
          ),
        }),
      },
    ];
    const registerRewrite = viewerRequest(
      'RegisterIndexRewrite',
      "if (uri.endsWith('/')) { request.uri = uri + 'index.html'; } else if (last.indexOf('.') === -1) { request.uri = uri + '/index.html'; }",
    );
    const staffRewrite = viewerRequest(
      'StaffAppRewrite',
      "if (uri === '/' || uri === '/app') { return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: '/app/' } } }; } if (uri === '/favicon.ico') { request.uri = '/app/favicon.ico'; } else if (uri.startsWith('/app/') && last.indexOf('.') === -1) { request.uri = '/app/index.html'; }",
    );

    // The CloudFront web ACL lives in us-east-1 (SipPpidEdge, waf.ts); its ARN comes as context.
    const webAclId: string | undefined = this.node.tryGetContext('cloudFrontWebAclArn');
    const common = {
      ...(webAclId ? { webAclId } : {}),
      enableLogging: true,
      logBucket: props.logBucket,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // Includes the Asia edge locations that serve Indonesia, without the most expensive regions.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      // No minimumProtocolVersion: it needs a custom certificate (the default *.cloudfront.net one is
      // fixed by CloudFront). Set TLS_V1_2_2021 together with `certificate` when a domain is assigned.
    };
    // The HTTP API behind either distribution: never cached (CachingDisabled: every request reaches the
    // API, no answer is kept at the edge), every method, and every viewer header, cookie and query
    // string except Host (AllViewerExceptHostHeader), which must be the API's own for it to route:
    // Authorization, Content-Type (JSON and plain HTML form posts alike), Accept-Language,
    // Idempotency-Key, ... reach the handlers as they were sent.
    const apiBehavior = (responseHeadersPolicy: cloudfront.IResponseHeadersPolicy): cloudfront.BehaviorOptions => ({
      origin: new origins.HttpOrigin(`${api.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy,
    });

    const register = new cloudfront.Distribution(this, 'RegisterDistribution', {
      ...common,
      comment: 'SIP PPID public register',
      logFilePrefix: 'cloudfront/register/',
      defaultRootObject: 'index.html',
      errorResponses: registerErrorResponses(),
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(registerBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: registerHeaders,
        functionAssociations: registerRewrite,
      },
      additionalBehaviors: {
        // The register pages' forms post to their own origin (no CORS, `form-action 'self'`), so the
        // public routes are served here too. Only `/api/public/*`: the staff routes stay on the staff
        // distribution. No viewer function (the register's index rewrite is for its pages). The
        // answers carry the API's headers, as on the staff distribution and on the local host, where
        // every /api/* answer has them (X-Robots-Tag noindex included).
        [`${PUBLIC_API_PREFIX}*`]: apiBehavior(staffHeaders),
      },
    });

    const staffOrigin = origins.S3BucketOrigin.withOriginAccessControl(staffBucket);
    const staffBehavior: cloudfront.BehaviorOptions = {
      origin: staffOrigin,
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: staffHeaders,
      functionAssociations: staffRewrite,
    };
    const staff = new cloudfront.Distribution(this, 'StaffAppDistribution', {
      ...common,
      comment: 'SIP PPID staff app (/app/) and API (/api/)',
      logFilePrefix: 'cloudfront/staff-app/',
      defaultBehavior: staffBehavior,
      additionalBehaviors: {
        '/app/*': staffBehavior,
        // Forwards Authorization and query strings; Host must be the API's own for it to route.
        '/api/*': apiBehavior(staffHeaders),
      },
    });
    new CfnOutput(this, 'RegisterUrl', { value: `https://${register.distributionDomainName}/`, description: 'The public register' });
    new CfnOutput(this, 'StaffAppUrl', { value: `https://${staff.distributionDomainName}/app/`, description: 'The staff app' });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId, description: 'For npm run bootstrap --user-pool' });
    new CfnOutput(this, 'TableName', { value: props.table.tableName, description: 'For npm run bootstrap --table' });
    for (const distribution of [register, staff]) {
      acknowledge(distribution, 'AwsSolutions-CFR1', 'A public-information service (UU 14/2008) must be reachable from anywhere; no geo restriction.');
      if (!webAclId)
        acknowledge(
          distribution,
          'AwsSolutions-CFR2',
          'The web ACL is SipPpidEdge (us-east-1, infra/aws/waf.ts); deploy it first and pass -c cloudFrontWebAclArn=<its output> to attach it. Routes are throttled per route meanwhile.',
        );
      acknowledge(
        distribution,
        'AwsSolutions-CFR4',
        'Served on the default *.cloudfront.net certificate, whose security policy CloudFront fixes; set TLS_V1_2_2021 with the custom domain certificate.',
      );
      acknowledge(
        distribution,
        'Annotation::@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
        'Intended: the bucket policy in SipPpidStateful already lets CloudFront distributions of this account read (see stateful-stack.ts).',
      );
    }
    const appUrl = `https://${staff.distributionDomainName}/app/`;
    staffAppUrl = appUrl; // for the pool's invitation (above)

    // The staff app signs in with the authorization code grant + PKCE (public client, no secret) and
    // sends the ID token, which carries cognito:groups, cognito:username and custom:agency.
    const client = userPool.addClient('StaffAppClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [appUrl],
        logoutUrls: [appUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // People must not edit their own agency or email through the client API; admins do, via the API.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    // The JWT authorizer of every signed-in route (in the API's scope, as HttpJwtAuthorizer made it).
    const authorizer = new apigw.HttpAuthorizer(api, 'CognitoAuthorizer', {
      httpApi: api,
      type: apigw.HttpAuthorizerType.JWT,
      authorizerName: 'CognitoAuthorizer',
      identitySource: ['$request.header.Authorization'],
      jwtAudience: [client.userPoolClientId],
      jwtIssuer: `https://cognito-idp.${Aws.REGION}.amazonaws.com/${userPool.userPoolId}`,
    });

    // ---------------------------------------------------------------- Functions
    const machines = new Map<string, sfn.StateMachine>();
    /** Fixed state machine names (per stack), so task functions can be granted on them by ARN. */
    const machineName = (id: string) => `${this.stackName}-${id}`;
    const functions = new FunctionFactory({
      table,
      buckets: props.buckets,
      signingSecret: props.signingSecret,
      userPool,
      register,
      appUrl,
      registerUrl: `https://${register.distributionDomainName}`,
      mailFrom: this.node.tryGetContext('mailFrom') ?? 'noreply@sip-ppid.example',
      machineName,
    });

    // ---------------------------------------------------------------- State machines
    // Their task functions are in a nested stack (workflow-tasks.ts), the machines here.
    const workflowTasks = new WorkflowTasksStack(this, 'WorkflowTasks', {
      description: 'SIP PPID: the task functions of the state machines',
      stateMachines,
      functions,
    });
    this.workflowTasks = workflowTasks;
    for (const decl of stateMachines) {
      const taskFns = workflowTasks.tasks.get(decl.id) ?? new Map<string, lambda.Function>();
      const substitutions = Object.fromEntries([...taskFns].map(([placeholder, fn]) => [placeholder, fn.functionArn]));
      const fns = [...taskFns.values()];
      const sm = new sfn.StateMachine(this, decl.id, {
        stateMachineName: machineName(decl.id),
        stateMachineType: sfn.StateMachineType.STANDARD,
        definitionBody: sfn.DefinitionBody.fromFile(`${ROOT}/statemachines/${decl.definition}`),
        definitionSubstitutions: substitutions,
        logs: {
          destination: new logs.LogGroup(this, `${decl.id}Logs`, { retention: logs.RetentionDays.ONE_YEAR }),
          level: sfn.LogLevel.ALL,
          includeExecutionData: true,
        },
        tracingEnabled: true,
      });
      (sm.node.defaultChild as CfnResource).addMetadata(META.stateMachine, decl.id);
      for (const fn of fns) fn.grantInvoke(sm);
      acknowledge(
        sm.role,
        'AwsSolutions-IAM5',
        'CloudWatch Logs delivery (logs:*LogDelivery*, DescribeLogGroups, ...) and X-Ray actions support no resource-level permissions.',
        'Resource::*',
      );
      acknowledge(
        sm.role,
        'AwsSolutions-IAM5',
        `lambda:InvokeFunction on the ${decl.id} task functions and their versions (<function ARN>:*).`,
        /^Resource::<.*Arn>:\*$/,
      );
      if (readFileSync(`${ROOT}/statemachines/${decl.definition}`, 'utf8').includes('"DISTRIBUTED"')) {
        // A Distributed Map runs each item as a child execution of this machine (register-rebuild.asl.json):
        // it starts them on itself and describes and stops them. By name, not by `sm.stateMachineArn`,
        // which the machine's own role cannot reference.
        const base = `arn:${Aws.PARTITION}:states:${Aws.REGION}:${Aws.ACCOUNT_ID}`;
        sm.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [`${base}:stateMachine:${machineName(decl.id)}`] }));
        sm.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['states:DescribeExecution', 'states:StopExecution'],
            resources: [`${base}:execution:${machineName(decl.id)}/*`, `${base}:execution:${machineName(decl.id)}:*`],
          }),
        );
        acknowledge(
          sm.role,
          'AwsSolutions-IAM5',
          `Distributed Map: DescribeExecution and StopExecution on the child executions of ${decl.id} only (execution:<machine>/<map run>:<child> and execution:<machine>:*), whose names Step Functions makes.`,
          /^Resource::arn:.*:execution:.*RegisterRebuild[/:]\*$/,
        );
      }
      machines.set(decl.id, sm);
    }
    functions.machinesBuilt(machines);

    // ---------------------------------------------------------------- Routes
    // Functions and integrations in a nested stack per route group, the routes here (api-routes.ts).
    this.routeStacks = routeGroups(this.routes).map(
      (group) =>
        new RouteGroupStack(this, group.id, {
          description: `SIP PPID: functions and integrations of the routes handled by functions/${group.module}.ts (${group.id})`,
          group,
          api,
          functions,
          functionTimeout: Duration.seconds(29),
        }),
    );
    const integrations = new Map(this.routeStacks.flatMap((s) => [...s.integrations]));
    for (const route of this.routes) {
      const integration = integrations.get(routeKey(route));
      if (!integration) throw new Error(`route ${routeKey(route)}: no integration in any route group`);
      // `Route<id>/Resource`: the construct path (so the logical ID) that the L2 HttpRoute gave it.
      const scope = new Construct(this, `Route${routeId(route)}`);
      new apigw.CfnRoute(scope, 'Resource', {
        apiId: api.apiId,
        routeKey: routeKey(route),
        target: `integrations/${integration.integrationId}`,
        // Roles are checked by the handler (cognito:groups in the ID token); the authorizer checks the token.
        ...(route.roles === 'public' ? { authorizationType: 'NONE' } : { authorizationType: 'JWT', authorizerId: authorizer.authorizerId }),
      });
      // The stage's route settings (throttles) may name only routes that exist.
      stage.node.addDependency(scope);
      if (route.roles === 'public') {
        acknowledge(
          scope,
          'AwsSolutions-APIG4',
          `${route.method} ${route.path} is declared public in infra/system.ts (no sign-in; it serves no personal data).`,
        );
      }
    }

    // ---------------------------------------------------------------- Schedules
    for (const decl of schedules) {
      const sm = machines.get(decl.target.stateMachine);
      if (!sm) throw new Error(`schedule ${decl.id}: unknown state machine ${decl.target.stateMachine}`);
      const schedule = new scheduler.Schedule(this, decl.id, {
        description: decl.description,
        schedule: scheduler.ScheduleExpression.expression(decl.expression, TimeZone.of(decl.timezone)),
        timeWindow: scheduler.TimeWindow.off(),
        // The target's role is allowed states:StartExecution on this state machine only.
        target: new targets.StepFunctionsStartExecution(sm, {
          input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
        }),
      });
      (schedule.node.defaultChild as CfnResource).addMetadata(META.schedule, decl.id);
    }

    // ---------------------------------------------------------------- Staff app upload
    new s3deploy.BucketDeployment(this, 'StaffAppDeployment', {
      destinationBucket: staffBucket,
      destinationKeyPrefix: 'app/',
      sources: [
        s3deploy.Source.asset(props.staffAppDir),
        s3deploy.Source.jsonData('config.json', {
          apiBase: '/api',
          auth: {
            kind: 'cognito',
            authorizeUrl: `${authBase}/oauth2/authorize`,
            tokenUrl: `${authBase}/oauth2/token`,
            logoutUrl: `${authBase}/logout`,
            clientId: client.userPoolClientId,
            redirectUri: appUrl,
          },
        }),
      ],
      distribution: staff,
      distributionPaths: ['/app/*'],
      logGroup: new logs.LogGroup(this, 'StaffAppDeploymentLogs', { retention: logs.RetentionDays.ONE_YEAR }),
    });
    // The CDK-managed singleton handler of BucketDeployment (its role and runtime are not ours to set).
    const [singleton] = this.node.children.filter((c: IConstruct) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    const deployAck = (rule: string, reason: string, finding?: string | RegExp) => acknowledge(singleton, rule, reason, finding);
    deployAck('AwsSolutions-L1', 'Runtime of the CDK BucketDeployment singleton handler (python) is pinned by aws-cdk-lib, not by this app.');
    deployAck(
      'AwsSolutions-IAM4',
      'The CDK BucketDeployment singleton role uses AWSLambdaBasicExecutionRole (logs only); the construct offers no way to replace it.',
      'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    );
    deployAck(
      'AwsSolutions-IAM5',
      'BucketDeployment reads the CDK asset objects and syncs the staff app bucket: S3 action groups from grantRead/grantReadWrite.',
      /^Action::s3:(GetBucket|GetObject|List|Abort|DeleteObject)\*$/,
    );
    deployAck(
      'AwsSolutions-IAM5',
      'BucketDeployment reads the uploaded staff app zip from the CDK asset bucket.',
      'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    );
    deployAck('AwsSolutions-IAM5', 'BucketDeployment writes the objects of the staff app bucket (<bucket ARN>/*).', /^Resource::.*StaffApp.*\/\*$/);
    deployAck(
      'AwsSolutions-IAM5',
      'cloudfront:CreateInvalidation/GetInvalidation (invalidating /app/* after upload) support no resource-level permissions.',
      'Resource::*',
    );
  }
}
