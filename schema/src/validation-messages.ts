import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import type { Locale } from './context.ts';
import { type MessageKey, t } from './i18n.ts';

/** What zod (v4) puts on an issue besides the message; Standard Schema passes its issues through as they are. */
interface ZodIssueFields {
  code?: string;
  origin?: string;
  format?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  /** A refinement's own message: `params: { key: MessageKey }`. */
  params?: { key?: MessageKey };
}

/**
 * An input field's problem in the reader's language. The validator (zod) writes English for developers; people on
 * a Slovenian page read this instead. Issues of a kind not known here keep a general message, never the English.
 */
export function validationMessage(locale: Locale, issue: StandardSchemaV1.Issue): string {
  const { code, origin, format, expected, minimum, maximum, params } = issue as StandardSchemaV1.Issue & ZodIssueFields;
  const text = origin === 'string';
  const list = origin === 'array' || origin === 'set';
  if (params?.key) return t(locale, params.key);
  switch (code) {
    case 'too_small':
      if (text)
        return Number(minimum) <= 1
          ? t(locale, 'REQUIRED')
          : t(locale, 'FIELD_TOO_SHORT', { minimum: String(minimum) });
      return t(locale, list ? 'FIELD_TOO_FEW' : 'FIELD_TOO_SMALL', { minimum: String(minimum) });
    case 'too_big':
      return t(locale, text ? 'FIELD_TOO_LONG' : list ? 'FIELD_TOO_MANY' : 'FIELD_TOO_BIG', {
        maximum: String(maximum),
      });
    case 'invalid_format':
      return t(locale, format === 'email' ? 'FIELD_EMAIL' : format === 'url' ? 'FIELD_URL' : 'FIELD_FORMAT');
    case 'invalid_type':
      return t(locale, expected === 'int' ? 'FIELD_INTEGER' : 'FIELD_INVALID');
    case 'invalid_value':
      return t(locale, 'FIELD_CHOICE');
    default:
      return t(locale, 'FIELD_INVALID');
  }
}
