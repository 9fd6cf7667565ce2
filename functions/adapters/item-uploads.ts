/** The S3 side of the item documents (functions/core/item-documents.ts). */
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import type { UploadsPort } from '../core/item-documents.ts';
import { config } from './config.ts';
import { s3 } from './s3.ts';
import { createUploadTicket, deleteObject, verifyUpload } from './uploads.ts';

export const itemUploads: UploadsPort = {
  ticket: createUploadTicket,
  async promote(uploadKey, finalKey) {
    const Bucket = config.bucket('documents');
    try {
      await s3().send(new CopyObjectCommand({ Bucket, Key: finalKey, CopySource: `${Bucket}/${encodeURIComponent(uploadKey).replaceAll('%2F', '/')}` }));
    } catch (e) {
      if (
        e instanceof NoSuchKey ||
        (e as { name?: string }).name === 'NoSuchKey' ||
        (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404
      )
        return false;
      throw e;
    }
    await s3().send(new DeleteObjectCommand({ Bucket, Key: uploadKey }));
    return true;
  },
  verify: verifyUpload,
  remove: deleteObject,
  async downloadUrl(key, fileName, contentType) {
    // The presigner is imported at the first link, not at the cold start of every function that may give one.
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
    const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
    return getSignedUrl(
      s3(),
      new GetObjectCommand({ Bucket: config.bucket('documents'), Key: key, ResponseContentDisposition: disposition, ResponseContentType: contentType }),
      { expiresIn: 300 },
    );
  },
};
