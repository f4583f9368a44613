import type { CombinedError } from '@urql/core';
import type { Lang } from './localize.ts';
import { translate } from './localize.ts';

/** What a widget shows after a failed request: one message for the form and one per field. */
export interface Problems {
  /** A stable code: VALIDATION, NOT_FOUND, a rule's code (e.g. CAPACITY_FULL), RATE_LIMITED, NETWORK… */
  code: string;
  /** The form-level message (always set). */
  message: string;
  /** Field key (see fieldKey) → message. */
  fields: Record<string, string>;
}

/** The typed errors of the API's result unions, as selected by the widgets' operations. */
export interface ApiErrorResult {
  __typename: string;
  code?: string;
  message?: string;
  fieldErrors?: readonly { path: readonly string[]; message: string }[];
  path?: readonly string[];
}

/**
 * The key of a field error: its input path without the leading "input", joined
 * with dots — "email", "guardian.email", "consent.dataProcessing",
 * "answers.<questionId>", "answers.0.value".
 */
export function fieldKey(path: readonly string[]): string {
  return (path[0] === 'input' ? path.slice(1) : path).join('.');
}

const PAYLOAD_ERRORS = new Set(['ValidationError', 'NotFoundError', 'RuleViolationError', 'ConflictError']);

/** Whether a mutation's result is one of the API's typed errors. */
export function isApiError(result: { __typename?: string } | null | undefined): result is ApiErrorResult {
  return !!result?.__typename && PAYLOAD_ERRORS.has(result.__typename);
}

/**
 * Turns a typed error from a result union, or a request-level error, into
 * messages. The API's messages are already in the request's language.
 */
export function problemsOf(lang: Lang, error: CombinedError | undefined, result?: ApiErrorResult | null): Problems {
  if (result && isApiError(result)) {
    const fields: Record<string, string> = {};
    for (const fieldError of result.fieldErrors ?? []) fields[fieldKey(fieldError.path)] ??= fieldError.message;
    if (result.__typename === 'NotFoundError' && result.path?.length) {
      fields[fieldKey(result.path)] = result.message ?? translate(lang, 'error.unexpected');
    }
    const hasFields = Object.keys(fields).length > 0;
    return {
      code: result.code ?? result.__typename,
      message: hasFields ? translate(lang, 'error.fields') : (result.message ?? translate(lang, 'error.unexpected')),
      fields,
    };
  }
  const first = error?.graphQLErrors[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : null;
  if (code === 'RATE_LIMITED') return { code, message: translate(lang, 'error.rateLimited'), fields: {} };
  if (code === 'UNAUTHENTICATED') return { code, message: translate(lang, 'error.unauthenticated'), fields: {} };
  if (code === 'FORBIDDEN') return { code, message: translate(lang, 'error.forbidden'), fields: {} };
  if (error?.networkError || (!first && error)) {
    return { code: 'NETWORK', message: translate(lang, 'error.network'), fields: {} };
  }
  if (first && code && code !== 'INTERNAL_SERVER_ERROR' && first.message) {
    return { code, message: first.message, fields: {} };
  }
  return { code: code ?? 'UNEXPECTED', message: translate(lang, 'error.unexpected'), fields: {} };
}
