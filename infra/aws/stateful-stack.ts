/**
 * Stateful stack: everything that holds data and must outlive any redeploy of the code around it.
 * The table and the buckets come from `infra/system.ts`; all are RETAINed.
 */
import { Aws, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { type BucketName, buckets, table } from '../system.ts';
import { acknowledge } from './nag.ts';

export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly buckets: Record<BucketName, s3.Bucket>;
  /**
   * The body's signing certificate for issued documents: JSON `{ "p12": "<base64 PKCS#12>",
   * "passphrase": "…" }`, put in by the body's administrator (README). Retained; readable only by the
   * functions that issue documents (`uses: ['signing']`).
   */
  readonly signingSecret: secretsmanager.Secret;
  /** Server access logs of the buckets and CloudFront standard logs. */
  readonly logBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    this.table = new dynamodb.Table(this, table.id, {
      partitionKey: { name: table.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: table.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: table.timeToLiveAttribute,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of table.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED, // log delivery requires SSE-S3
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes through bucket ACLs, so ACLs must stay enabled here.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The staff app uploads documents, and the register's request form the power of attorney, from
    // the browser straight to the documents bucket with a presigned POST (functions/adapters/uploads.ts),
    // so that bucket answers CORS for POST and PUT. Both origins are only known after the stateless
    // stack (CloudFront) exists; naming them here would make the stacks depend on each other, so they
    // come as context (each allowed when given):
    //   npx cdk deploy -c staffAppOrigin=https://d1234abcd.cloudfront.net -c registerOrigin=https://d5678efgh.cloudfront.net
    // Without either any origin may send the request, which is still safe: each POST needs a policy
    // that the API signed for one key, one Content-Type and one size, and the API verifies every object.
    const origin = (name: string): string | undefined => {
      const value: unknown = this.node.tryGetContext(name);
      return typeof value === 'string' && value.trim() ? value.trim() : undefined;
    };
    const uploadOrigins = [origin('staffAppOrigin'), origin('registerOrigin')].filter((o): o is string => o !== undefined);
    const uploadCors: s3.CorsRule[] = [
      {
        allowedOrigins: uploadOrigins.length ? uploadOrigins : ['*'],
        allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.PUT],
        allowedHeaders: ['*'],
        exposedHeaders: ['ETag'],
        maxAge: 3000,
      },
    ];

    // In the documents bucket, what is only in passing: the register of requests exported for one
    // person (personal data, behind a 5-minute link) and uploads never checked or never filed (a
    // checked upload is moved out of uploads/ at once). Versioned: the old versions go too.
    const transient: s3.LifecycleRule[] = [
      { id: 'ExportsOneDay', prefix: 'exports/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
      {
        id: 'UncheckedUploadsTwoDays',
        prefix: 'uploads/',
        expiration: Duration.days(2),
        noncurrentVersionExpiration: Duration.days(1),
        abortIncompleteMultipartUploadAfter: Duration.days(1),
      },
    ];
    const bucket = (name: BucketName) =>
      new s3.Bucket(this, buckets[name].id, {
        ...(name === 'documents' ? { cors: uploadCors, lifecycleRules: transient } : {}),
        versioned: buckets[name].versioned,
        encryption: s3.BucketEncryption.S3_MANAGED,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
        serverAccessLogsBucket: this.logBucket,
        serverAccessLogsPrefix: `s3/${buckets[name].id}/`,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    this.buckets = { documents: bucket('documents'), register: bucket('register'), staffApp: bucket('staffApp') };

    this.signingSecret = new secretsmanager.Secret(this, 'SigningCertificate', {
      description: 'SIP PPID: the public body\'s document-signing certificate and key (BSrE), as JSON {"p12": "<base64 PKCS#12>", "passphrase": "..."}',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.signingSecret,
      'AwsSolutions-SMG4',
      'The secret holds a certificate issued by a certification authority (BSrE): it is renewed by the authority and replaced by the administrator, which a rotation Lambda cannot do.',
    );

    // The sites are read only by CloudFront through Origin Access Control. The distributions live in
    // the stateless stack; naming a distribution ID here would make the two stacks depend on each
    // other (bucket policy → distribution → bucket), so the grant is to CloudFront distributions of
    // this account. The stateless stack therefore hands CloudFront an imported bucket reference, which
    // OAC leaves alone.
    for (const site of [this.buckets.register, this.buckets.staffApp]) {
      site.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowCloudFrontOacRead',
          principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
          actions: ['s3:GetObject'],
          resources: [site.arnForObjects('*')],
          conditions: {
            StringEquals: { 'AWS:SourceAccount': Aws.ACCOUNT_ID },
            ArnLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` },
          },
        }),
      );
    }
  }
}
