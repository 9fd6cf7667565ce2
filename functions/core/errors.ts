/**
 * Errors the core raises on purpose. Each carries an HTTP status and a message in Bahasa Indonesia
 * and English, so the API can answer a person with something they can act on.
 */
import { type MessageKey, message, type Text } from './messages.ts';

export type ErrorCode = 'validation' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large' | 'unsupported_media_type';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
};

export interface ErrorDetail {
  path: string;
  message: Text;
}

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly text: Text,
    readonly details: ErrorDetail[] = [],
  ) {
    super(text.en);
    this.status = STATUS[code];
  }
}

export function fail(code: ErrorCode, key: MessageKey, vars: Record<string, string | number> = {}): never {
  throw new DomainError(code, message(key, vars));
}

export const notFound = (key: MessageKey, vars?: Record<string, string | number>) => fail('not_found', key, vars);
export const forbidden = (key: MessageKey = 'forbidden', vars?: Record<string, string | number>) => fail('forbidden', key, vars);
export const conflict = (key: MessageKey, vars?: Record<string, string | number>) => fail('conflict', key, vars);
