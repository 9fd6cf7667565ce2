/**
 * Creates the declared table and buckets in the emulators, if they are not there yet, exactly as
 * infra/system.ts describes them (the AWS host creates the same through CDK).
 */
import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient, ResourceNotFoundException, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { buckets, table } from '../system.ts';

export async function ensureTable(client: DynamoDBClient, TableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName }));
    return;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
  }
  const attrs = new Set<string>([table.partitionKey, table.sortKey, ...table.indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
  await client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attrs].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: table.partitionKey, KeyType: 'HASH' },
        { AttributeName: table.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: table.indexes.map((i) => ({
        IndexName: i.name,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          { AttributeName: i.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await client.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true } }));
}

export async function ensureBuckets(client: S3Client, names: Record<keyof typeof buckets, string>): Promise<void> {
  for (const [key, decl] of Object.entries(buckets) as [keyof typeof buckets, (typeof buckets)[keyof typeof buckets]][]) {
    const Bucket = names[key];
    try {
      await client.send(new HeadBucketCommand({ Bucket }));
      continue;
    } catch (e) {
      if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw e;
      await client.send(new CreateBucketCommand({ Bucket }));
    }
    // s3rver has no bucket versioning (it reads PUT ?versioning as a second CreateBucket), so
    // `decl.versioned` is rendered by the AWS host only; no code path here relies on old versions.
    void decl;
  }
}
