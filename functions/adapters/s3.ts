import { S3Client } from '@aws-sdk/client-s3';
import { config } from './config.ts';

let client: S3Client | undefined;
let clientEndpoint: string | undefined;
export function s3(): S3Client {
  if (!client || clientEndpoint !== process.env.AWS_ENDPOINT_URL_S3) {
    clientEndpoint = process.env.AWS_ENDPOINT_URL_S3;
    client = new S3Client({ forcePathStyle: config.s3ForcePathStyle() });
  }
  return client;
}
