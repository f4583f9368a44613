import type { Locale } from './context.ts';
import type { FieldError } from './errors.ts';
import { t } from './i18n.ts';

/** The part of a question that decides which answers are valid. */
export interface AnswerableQuestion {
  id: string;
  type: string;
  required: boolean;
  choices: readonly { value: string }[];
  scaleMin?: number | null;
  scaleMax?: number | null;
}

export interface Answer {
  questionId: string;
  value: unknown;
}

const MAX_TEXT = 5000;

function isValidValue(question: AnswerableQuestion, value: unknown): boolean {
  const values = question.choices.map((c) => c.value);
  switch (question.type) {
    case 'TEXT':
    case 'LONG_TEXT':
      return typeof value === 'string' && value.length <= MAX_TEXT;
    case 'YES_NO':
      return typeof value === 'boolean';
    case 'SINGLE_CHOICE':
      return typeof value === 'string' && values.includes(value);
    case 'MULTIPLE_CHOICE':
      return (
        Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && values.includes(v)) &&
        new Set(value).size === value.length
      );
    case 'SCALE':
    case 'COMPETENCE':
      return (
        Number.isInteger(value) &&
        (value as number) >= (question.scaleMin ?? 1) &&
        (value as number) <= (question.scaleMax ?? 5)
      );
    default:
      return false;
  }
}

function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Checks answers against their questions: every answer names a question, has a
 * value of the question's type, and every required question is answered.
 * Returns one error per offending field (empty when all is well).
 */
export function checkAnswers(
  locale: Locale,
  questions: readonly AnswerableQuestion[],
  answers: readonly Answer[],
  path: string[],
): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    const question = byId.get(answer.questionId);
    const at = [...path, String(index)];
    if (!question || seen.has(answer.questionId)) {
      errors.push({ path: [...at, 'questionId'], message: t(locale, 'UNKNOWN_QUESTION') });
      return;
    }
    seen.add(answer.questionId);
    if (!isBlank(answer.value) && !isValidValue(question, answer.value)) {
      errors.push({ path: [...at, 'value'], message: t(locale, 'INVALID_ANSWER') });
    }
  });
  for (const question of questions) {
    const answer = answers.find((a) => a.questionId === question.id);
    if (question.required && (!answer || isBlank(answer.value))) {
      errors.push({ path: [...path, question.id], message: t(locale, 'REQUIRED') });
    }
  }
  return errors;
}

/** Keeps only non-blank answers, in a stable shape for storage. */
export function normalizeAnswers(answers: readonly Answer[]): Answer[] {
  return answers.filter((a) => !isBlank(a.value)).map((a) => ({ questionId: a.questionId, value: a.value }));
}
