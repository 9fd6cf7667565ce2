/**
 * Document uploads from the browser: the canonical content type from the file name's extension,
 * the SHA-256 of the bytes, and the multipart POST straight to the storage bucket with progress.
 * The accepted types mirror ALLOWED in functions/core/documents.ts (test/e2e/publication.test.ts
 * checks that the two lists agree).
 */

/** Extension (with the dot) → the canonical content type the API expects for it. */
export const UPLOAD_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.csv': 'text/csv',
};

/** For `<input type="file" accept>`: the extensions (browsers filter by these reliably). */
export const ACCEPT = Object.keys(UPLOAD_TYPES).join(',');

/** "PDF, DOCX, …" for hints. */
export const ACCEPT_LIST = [...new Set(Object.keys(UPLOAD_TYPES).map((e) => e.slice(1).toUpperCase()))].join(', ');

/**
 * The content type to declare: the canonical one for an accepted extension, whatever the browser
 * says (browsers report e.g. `.csv` as `application/vnd.ms-excel` on Windows). For anything else the
 * browser's own guess is sent, and the API answers with its bilingual refusal.
 */
export function contentTypeFor(file: { name: string; type: string }): string {
  const dot = file.name.lastIndexOf('.');
  const ext = dot >= 0 ? file.name.slice(dot).toLowerCase() : '';
  return UPLOAD_TYPES[ext] ?? (file.type || 'application/octet-stream');
}

/** Lowercase hex SHA-256 of the whole file (read into memory once). */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface UploadTicket {
  url: string;
  fields: Record<string, string>;
  key: string;
  expiresAt: string;
  maxBytes: number;
}

export class StorageUploadError extends Error {
  constructor(readonly status: number) {
    super(`storage upload failed (${status})`);
  }
}

/**
 * POSTs the presigned form: every ticket field first, the file last as `file`. No Authorization
 * header (the signature is in the fields). XMLHttpRequest because fetch reports no upload progress.
 */
export function postToStorage(ticket: UploadTicket, file: File, onProgress: (fraction: number) => void): Promise<void> {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ticket.url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new StorageUploadError(xhr.status)));
    xhr.onerror = () => reject(new StorageUploadError(0));
    xhr.onabort = () => reject(new StorageUploadError(0));
    xhr.send(form);
  });
}
