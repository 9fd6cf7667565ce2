/**
 * What S3 checks on a browser-based upload (an HTML form POST with a signed policy, AWS Signature
 * Version 4), for the local S3 emulator, which does not check it itself: without this, a staff
 * member's upload ticket could write any file under any key into any bucket.
 *
 * See "Creating a POST policy" and "Authenticating Requests: Browser-Based Uploads Using POST" in
 * the Amazon S3 API reference. The answers are S3's own codes and messages.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The local host's key pair (s3rver accepts only this one). */
export const LOCAL_CREDENTIALS: Record<string, string> = { S3RVER: 'S3RVER' };

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function s3Error(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>`;
}

/**
 * Why a request path may not reach the store, or undefined. The path is decoded once; a segment
 * `.` or `..` (also when written `%2E` or with an encoded `/` around it), a backslash, a NUL, or
 * invalid percent-encoding is refused.
 */
export function unsafeKey(rawPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return 'The request path is not valid percent-encoding.';
  }
  if (/[\\\0]/.test(path)) return 'The object key contains a character that is not allowed here.';
  if (path.split('/').some((seg) => seg === '.' || seg === '..')) return 'The object key may not contain "." or ".." segments.';
  return undefined;
}

interface Form {
  fields: Map<string, string>;
  /** The file's length in bytes; undefined when the form has no file. */
  fileSize?: number;
}

/** The fields of a multipart/form-data body up to its file (S3 ignores fields after the file). */
export function parseForm(contentType: string, body: Buffer): Form | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return undefined;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields = new Map<string, string>();
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    let start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd === -1) return undefined;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next === -1) return undefined;
    const content = body.subarray(headerEnd + 4, Math.max(headerEnd + 4, next - 2));
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) return undefined;
    if (name.toLowerCase() === 'file' || /filename="/i.test(headers)) return { fields, fileSize: content.length };
    fields.set(name.toLowerCase(), content.toString('utf8'));
    at = next;
  }
  return { fields };
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** The SigV4 signature of a POST policy (base64 text) for a credential scope `date/region/s3/aws4_request`. */
export function signPolicy(secret: string, date: string, region: string, service: string, policyBase64: string): string {
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  return createHmac('sha256', key).update(policyBase64).digest('hex');
}

const denied = (message: string): Refusal => ({ status: 403, code: 'AccessDenied', message });
const failed = (condition: unknown): Refusal => denied(`Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`);

/** Fields that need no condition (S3: the signature, the policy, the file, and `x-ignore-` fields). */
const UNCONDITIONED = new Set(['policy', 'x-amz-signature', 'file']);

/** Checks a form POST to `bucket` as S3 does; undefined if S3 would accept it. */
export function checkPostPolicy(input: {
  bucket: string;
  contentType: string;
  body: Buffer;
  credentials: Record<string, string>;
  now?: Date;
}): Refusal | undefined {
  const form = parseForm(input.contentType, input.body);
  if (!form) return { status: 400, code: 'MalformedPOSTRequest', message: 'The body of your POST request is not well-formed multipart/form-data.' };
  const f = form.fields;
  if (form.fileSize === undefined) return { status: 400, code: 'InvalidArgument', message: 'POST requires exactly one file upload per request.' };
  const policyText = f.get('policy');
  if (!policyText) return denied('Access Denied');
  if (f.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') return { status: 400, code: 'InvalidArgument', message: 'Only AWS4-HMAC-SHA256 is supported.' };
  const [accessKey, date, region, service, terminator] = (f.get('x-amz-credential') ?? '').split('/');
  const secret = input.credentials[accessKey ?? ''];
  if (!secret) return denied('The AWS Access Key Id you provided does not exist in our records.');
  if (!date || !region || service !== 's3' || terminator !== 'aws4_request' || !(f.get('x-amz-date') ?? '').startsWith(date))
    return { status: 400, code: 'InvalidArgument', message: 'Invalid credential scope or date.' };
  const expected = Buffer.from(signPolicy(secret, date, region, service, policyText));
  const given = Buffer.from(f.get('x-amz-signature') ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return denied('The request signature we calculated does not match the signature you provided. Check your key and signing method.');

  let policy: { expiration?: string; conditions?: unknown[] };
  try {
    policy = JSON.parse(Buffer.from(policyText, 'base64').toString('utf8'));
  } catch {
    return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Invalid JSON.' };
  }
  const expires = Date.parse(policy.expiration ?? '');
  if (!Number.isFinite(expires)) return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Policy missing expiration.' };
  if (expires <= (input.now ?? new Date()).getTime()) return denied('Invalid according to Policy: Policy expired.');
  if (!Array.isArray(policy.conditions)) return { status: 400, code: 'InvalidPolicyDocument', message: 'Invalid Policy: Policy missing conditions.' };

  // The bucket is a field of the policy too, taken from the URL.
  const value = (name: string) => (name === 'bucket' ? input.bucket : f.get(name));
  const covered = new Set<string>();
  for (const c of policy.conditions) {
    if (Array.isArray(c)) {
      const [op, a, b] = c as [string, unknown, unknown];
      if (op === 'content-length-range') {
        const [min, max] = [Number(a), Number(b)];
        if (form.fileSize > max) return { status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size' };
        if (form.fileSize < min) return { status: 400, code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed size' };
        continue;
      }
      const name = String(a).replace(/^\$/, '').toLowerCase();
      covered.add(name);
      const v = value(name) ?? '';
      if (op === 'eq' && v !== String(b)) return failed(c);
      if (op === 'starts-with' && !v.startsWith(String(b))) return failed(c);
      if (op !== 'eq' && op !== 'starts-with')
        return { status: 400, code: 'InvalidPolicyDocument', message: `Invalid Policy: Invalid condition operator ${op}.` };
    } else if (c && typeof c === 'object') {
      for (const [k, want] of Object.entries(c as Record<string, unknown>)) {
        const name = k.toLowerCase();
        covered.add(name);
        if ((value(name) ?? '') !== String(want)) return failed(['eq', `$${k}`, want]);
      }
    }
  }
  const extra = [...f.keys()].filter((k) => !UNCONDITIONED.has(k) && !k.startsWith('x-ignore-') && !covered.has(k));
  if (extra.length) return denied(`Invalid according to Policy: Extra input fields: ${extra.join(', ')}`);
  // Whatever the policy says, a key may not leave the bucket (see `unsafeKey`).
  const key = f.get('key');
  if (!key) return { status: 400, code: 'InvalidArgument', message: "Bucket POST must contain a field named 'key'." };
  if (key.split('/').some((seg) => seg === '.' || seg === '..') || /[\\\0]/.test(key))
    return { status: 400, code: 'InvalidArgument', message: 'The object key may not contain "." or ".." segments.' };
  return undefined;
}
