/**
 * Configuration from the environment, read when first needed, so that the local host and tests can
 * set the variables before a handler runs. The same names are set by CDK in AWS (infra/system.ts `env`).
 */
import { type BucketName, buckets, env } from '../../infra/system.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

export const config = {
  tableName: () => required(env.table),
  bucket: (name: BucketName) => required(buckets[name].env),
  stateMachineArn: (id: string) => required(env.stateMachineArn(id)),
  mailFrom: () => process.env[env.mailFrom] ?? 'ppid@localhost',
  userPoolId: () => process.env[env.userPoolId],
  appUrl: () => process.env[env.appUrl] ?? '',
  registerUrl: () => process.env[env.registerUrl] ?? '',
  /** The local host runs S3 on loopback, where virtual-hosted bucket names do not resolve. */
  s3ForcePathStyle: () => process.env.S3_FORCE_PATH_STYLE === '1',
  /** Set by the local host: `local` (outbox, local identity, local engine) or `aws`. */
  host: () => (process.env.SIP_PPID_HOST === 'local' ? 'local' : 'aws') as 'local' | 'aws',
  outboxDir: () => process.env.MAIL_OUTBOX_DIR ?? '.data/outbox',
};
