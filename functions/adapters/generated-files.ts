/** The S3 side of the files the system makes itself (the exclusion PDFs): private document bucket. */
import { GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import type { GeneratedFiles } from '../core/ports.ts';
import { config } from './config.ts';
import { s3 } from './s3.ts';

export const generatedFiles: GeneratedFiles = {
  async put(key, body, contentType) {
    await s3().send(new PutObjectCommand({ Bucket: config.bucket('documents'), Key: key, Body: body, ContentType: contentType }));
  },
  async get(key) {
    try {
      const res = await s3().send(new GetObjectCommand({ Bucket: config.bucket('documents'), Key: key }));
      return await res.Body!.transformToByteArray();
    } catch (e) {
      if (e instanceof NoSuchKey || (e as { name?: string }).name === 'NoSuchKey') return undefined;
      throw e;
    }
  },
  async downloadUrl(key, fileName, contentType) {
    // The presigner is imported at the first link, not at the cold start of every function that may give one.
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
    const disposition = `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    return getSignedUrl(
      s3(),
      new GetObjectCommand({ Bucket: config.bucket('documents'), Key: key, ResponseContentDisposition: disposition, ResponseContentType: contentType }),
      { expiresIn: 300 },
    );
  },
};
