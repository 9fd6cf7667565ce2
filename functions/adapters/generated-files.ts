/** The S3 side of the files the system makes itself (the exclusion PDFs): private document bucket. */
import type { GeneratedFiles } from '../core/ports.ts';
import { config } from './config.ts';
import { isNoSuchKey, s3Sdk } from './s3-lazy.ts';

export const generatedFiles: GeneratedFiles = {
  async put(key, body, contentType) {
    const { client, sdk } = await s3Sdk();
    await client.send(new sdk.PutObjectCommand({ Bucket: config.bucket('documents'), Key: key, Body: body, ContentType: contentType }));
  },
  async get(key) {
    const { client, sdk } = await s3Sdk();
    try {
      const res = await client.send(new sdk.GetObjectCommand({ Bucket: config.bucket('documents'), Key: key }));
      return await res.Body!.transformToByteArray();
    } catch (e) {
      if (isNoSuchKey(e)) return undefined;
      throw e;
    }
  },
  async downloadUrl(key, fileName, contentType) {
    // The presigner is imported at the first link, not at the cold start of every function that may give one.
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
    const disposition = `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    const { client, sdk } = await s3Sdk();
    return getSignedUrl(
      client,
      new sdk.GetObjectCommand({ Bucket: config.bucket('documents'), Key: key, ResponseContentDisposition: disposition, ResponseContentType: contentType }),
      { expiresIn: 300 },
    );
  },
};
