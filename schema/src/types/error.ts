import { builder } from '../builder.ts';
import { ConflictError, type FieldError, InputError, NotFoundError, RuleError, type TandemError } from '../errors.ts';

export const ErrorInterface = builder.interfaceRef<TandemError>('Error').implement({
  description: 'An error a client is expected to handle. `code` is stable; `message` is for people, in their language.',
  fields: (t) => ({
    code: t.string({ description: 'Stable machine-readable code, e.g. TOO_YOUNG.', resolve: (e) => e.code }),
    message: t.exposeString('message', { description: 'What went wrong, in the language of the request.' }),
  }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'What is wrong with one input field.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path to the field in the input.' }),
    message: t.exposeString('message', { description: 'What is wrong, in the language of the request.' }),
  }),
});

builder.objectType(InputError, {
  name: 'ValidationError',
  description: 'The input does not meet the rules; nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({
      description: 'One entry per offending field.',
      type: [FieldErrorRef],
      resolve: (e) => e.fieldErrors,
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Nothing with that id exists, or you may not see it.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The input field that held the id.' }),
  }),
});

builder.objectType(RuleError, {
  name: 'RuleViolationError',
  description: 'A rule forbids this (age limits, closed opportunities, consent); nothing was changed.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'This conflicts with what is already recorded (e.g. an idempotency key reused for other data).',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
