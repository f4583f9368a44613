import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import type { Locale } from './context.ts';
import { type MessageKey, t } from './i18n.ts';
import { validationMessage } from './validation-messages.ts';

/**
 * Errors a client is expected to handle are part of each mutation's result
 * union (Pothos errors plugin); anything else becomes a masked GraphQL error.
 */
export class TandemError extends Error {
  constructor(
    readonly code: MessageKey,
    message: string,
  ) {
    super(message);
  }
}

export interface FieldError {
  /** Path into the input, e.g. ["input", "answers", "2", "value"]. */
  path: string[];
  message: string;
}

/** Input that does not meet the rules; `fieldErrors` says which fields and why. */
export class InputError extends TandemError {
  constructor(
    locale: Locale,
    readonly fieldErrors: FieldError[],
  ) {
    super('VALIDATION', t(locale, 'VALIDATION'));
  }

  static field(locale: Locale, path: string[], key: MessageKey, params?: Record<string, string | number>) {
    return new InputError(locale, [{ path, message: t(locale, key, params) }]);
  }

  static fromIssues(locale: Locale, issues: readonly StandardSchemaV1.Issue[]) {
    return new InputError(
      locale,
      issues.map((issue) => ({
        path: (issue.path ?? []).map((segment) =>
          String(typeof segment === 'object' && segment !== null && 'key' in segment ? segment.key : segment),
        ),
        message: validationMessage(locale, issue),
      })),
    );
  }
}

/** The thing named by an id does not exist, or the caller may not see it. */
export class NotFoundError extends TandemError {
  constructor(
    locale: Locale,
    readonly path: string[] = [],
  ) {
    super('NOT_FOUND', t(locale, 'NOT_FOUND'));
  }
}

/** A rule of the domain forbids this, e.g. an age limit or a closed opportunity. */
export class RuleError extends TandemError {
  constructor(locale: Locale, code: MessageKey, params?: Record<string, string | number>) {
    super(code, t(locale, code, params));
  }
}

/** A retry or a second decision that does not match what was already recorded. */
export class ConflictError extends TandemError {
  constructor(locale: Locale, code: MessageKey) {
    super(code, t(locale, code));
  }
}
