/** The S3 side of the item documents (functions/core/item-documents.ts). */
import type { UploadsPort } from '../core/item-documents.ts';
import { config } from './config.ts';
import { isNoSuchKey, s3Sdk } from './s3-lazy.ts';
import { createUploadTicket, deleteObject, verifyUpload } from './uploads.ts';

export const itemUploads: UploadsPort = {
  ticket: createUploadTicket,
  async promote(uploadKey, finalKey) {
    const Bucket = config.bucket('documents');
    const { client, sdk } = await s3Sdk();
    try {
      await client.send(new sdk.CopyObjectCommand({ Bucket, Key: finalKey, CopySource: `${Bucket}/${encodeURIComponent(uploadKey).replaceAll('%2F', '/')}` }));
    } catch (e) {
      if (isNoSuchKey(e) || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
      throw e;
    }
    await client.send(new sdk.DeleteObjectCommand({ Bucket, Key: uploadKey }));
    return true;
  },
  verify: verifyUpload,
  remove: deleteObject,
  async downloadUrl(key, fileName, contentType) {
    // The presigner is imported at the first link, not at the cold start of every function that may give one.
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
    const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    const { client, sdk } = await s3Sdk();
    return getSignedUrl(
      client,
      new sdk.GetObjectCommand({ Bucket: config.bucket('documents'), Key: key, ResponseContentDisposition: disposition, ResponseContentType: contentType }),
      { expiresIn: 300 },
    );
  },
};
