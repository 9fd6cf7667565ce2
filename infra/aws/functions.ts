/**
 * The Lambda function of one route or one workflow task, in whichever stack it is placed: the
 * workflow tasks' nested stack (workflow-tasks.ts) or a route group's nested stack (route functions,
 * see api-routes.ts). Every function has its own role, allowed to write only
 * its own log group, and gets exactly what its `uses` in infra/system.ts names.
 */
import { ArnFormat, type CfnResource, type Duration, Stack } from 'aws-cdk-lib';
import type * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { type BucketName, buckets, env, handlerExport, type RouteDecl, stateMachines } from '../system.ts';
import { assetDir } from './bundle.ts';
import { acknowledge } from './nag.ts';

/** CloudFormation metadata keys that `renderedSurface()` reads back from the synthesized templates. */
export const META = { handler: 'SipPpid:Handler', stateMachine: 'SipPpid:StateMachine', schedule: 'SipPpid:Schedule' };

export type Uses = NonNullable<RouteDecl['uses']>;

/** What the functions reach, created by the stateful and stateless stacks. */
export interface FunctionResources {
  table: dynamodb.ITable;
  buckets: Record<BucketName, s3.IBucket>;
  signingSecret: secretsmanager.ISecret;
  userPool: cognito.IUserPool;
  /** The register distribution: the register builder invalidates the paths it rewrote. */
  register: cloudfront.IDistribution;
  appUrl: string;
  registerUrl: string;
  mailFrom: string;
  /** The fixed name of a state machine, so that its ARN is known before the machine exists. */
  machineName: (id: string) => string;
}

export interface FunctionSpec {
  handler: string;
  uses: Uses;
  description: string;
  timeout: Duration;
  /**
   * A log group shared with other functions (the state machines' task functions share one: a log
   * group per task function would put 40 resources more in the stateless stack, which must keep room
   * for routes; each function's streams are still its own, named after it). Default: its own.
   */
  logGroup?: logs.ILogGroup;
}

export class FunctionFactory {
  private machines?: ReadonlyMap<string, sfn.IStateMachine>;

  constructor(private readonly resources: FunctionResources) {}

  /**
   * Every state machine exists from now on: functions made afterwards (the routes') are granted on
   * the machines themselves; those made before (the tasks, which the machines' definitions name)
   * by the machines' fixed names.
   */
  machinesBuilt(machines: ReadonlyMap<string, sfn.IStateMachine>): void {
    this.machines = machines;
  }

  make(scope: Construct, id: string, spec: FunctionSpec): lambda.Function {
    const r = this.resources;
    const stack = Stack.of(scope);
    const logGroup = spec.logGroup ?? new logs.LogGroup(scope, `${id}Logs`, { retention: logs.RetentionDays.ONE_YEAR });
    // Own role without AWSLambdaBasicExecutionRole: it may write only to its log group.
    const role = new iam.Role(scope, `${id}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    // Every function gets these; `uses` below adds the rest with fn.addEnvironment.
    const environment: Record<string, string> = {
      [env.table]: r.table.tableName,
      [env.appUrl]: r.appUrl,
      [env.registerUrl]: r.registerUrl,
      NODE_OPTIONS: '--enable-source-maps',
      // Powertools (functions/observability.ts): the service in every log line and EMF metric, the
      // metrics' namespace. Tracing (X-Ray) is on (`tracing` below), so the tracer is too.
      POWERTOOLS_SERVICE_NAME: 'sip-ppid',
      POWERTOOLS_METRICS_NAMESPACE: 'SipPpid',
    };
    const fn = new lambda.Function(scope, id, {
      description: spec.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      code: lambda.Code.fromAsset(assetDir(spec.handler)),
      handler: `index.${handlerExport(spec.handler)}`,
      memorySize: 1024,
      timeout: spec.timeout,
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      role,
      environment,
    });
    (fn.node.defaultChild as CfnResource).addMetadata(META.handler, spec.handler);
    r.table.grantReadWriteData(fn);

    const wildcard = (reason: string, finding: string | RegExp) => acknowledge(role, 'AwsSolutions-IAM5', reason, finding);
    wildcard('Active X-Ray tracing: xray:PutTraceSegments/PutTelemetryRecords support no resource-level permissions.', 'Resource::*');
    wildcard('Queries on the table GSIs: the grant names <table ARN>/index/*.', /^Resource::.*\/index\/\*$/);
    for (const use of spec.uses) {
      switch (use) {
        case 'documents':
        case 'register': {
          const bucket = r.buckets[use];
          fn.addEnvironment(buckets[use].env, bucket.bucketName);
          bucket.grantReadWrite(fn);
          wildcard(`Objects of the ${use} bucket only (<bucket ARN>/*).`, new RegExp(`^Resource::.*${buckets[use].id}.*/\\*$`));
          if (use === 'register') {
            // The register builder invalidates exactly the paths it rewrote.
            fn.addEnvironment('REGISTER_DISTRIBUTION_ID', r.register.distributionId);
            fn.addToRolePolicy(
              new iam.PolicyStatement({
                actions: ['cloudfront:CreateInvalidation'],
                resources: [stack.formatArn({ service: 'cloudfront', region: '', resource: 'distribution', resourceName: r.register.distributionId })],
              }),
            );
          }
          wildcard(
            'S3 action groups of grantReadWrite (GetObject*, GetBucket*, List*, DeleteObject*, Abort*), on one bucket only.',
            /^Action::s3:[A-Za-z]+\*$/,
          );
          break;
        }
        case 'identity':
          fn.addEnvironment(env.userPoolId, r.userPool.userPoolId);
          r.userPool.grant(fn, 'cognito-idp:Admin*');
          wildcard(
            'User administration (create, update, groups, enable/disable) on this one user pool: cognito-idp:Admin* on the pool ARN.',
            'Action::cognito-idp:Admin*',
          );
          break;
        case 'mail': {
          fn.addEnvironment(env.mailFrom, r.mailFrom);
          const identities = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' });
          fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail'], resources: [identities] }));
          wildcard(
            'ses:SendEmail is authorized against the sender identity and, in the SES sandbox, each recipient identity: identities of this account and region.',
            'Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*',
          );
          break;
        }
        case 'signing':
          // Read only: the secret's value, nothing else, and only for the functions that issue documents.
          fn.addEnvironment(env.signingSecretArn, r.signingSecret.secretArn);
          r.signingSecret.grantRead(fn);
          break;
        case 'workflows':
          if (!this.machines) {
            // A task function exists before its state machine (the machine's definition names the
            // function), so it cannot take a reference to it. State machines have fixed names, so
            // the ARNs are known without one: enough to answer task tokens (e.g. a wait that finds
            // its decision already recorded completes its own token).
            // A task may also start a machine (the exclusion's expiry goes on in a fresh execution).
            // Every machine, including its own and those declared after it (not only those built so far).
            const arns = stateMachines.map((m) => {
              const arn = stack.formatArn({
                service: 'states',
                resource: 'stateMachine',
                resourceName: r.machineName(m.id),
                arnFormat: ArnFormat.COLON_RESOURCE_NAME,
              });
              fn.addEnvironment(env.stateMachineArn(m.id), arn);
              return arn;
            });
            fn.addToRolePolicy(
              new iam.PolicyStatement({
                actions: ['states:StartExecution', 'states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
                resources: arns,
              }),
            );
            break;
          }
          for (const [smId, sm] of this.machines) {
            fn.addEnvironment(env.stateMachineArn(smId), sm.stateMachineArn);
            sm.grantStartExecution(fn);
            sm.grantTaskResponse(fn);
          }
          break;
      }
    }
    return fn;
  }
}
