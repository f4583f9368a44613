// What a widget imports from the core (see README.md beside this file).
export { TandemElement } from './tandem-element.ts';
export { define } from './define.ts';
export { graphql, type ResultOf, type VariablesOf, type FragmentOf } from './graphql.ts';
export { registerMessages, translate, type Lang, LocalizeController } from './localize.ts';
export { fieldKey, isApiError, problemsOf, type Problems, type ApiErrorResult } from './errors.ts';
export { getSession, setSession, onSessionChange } from './session.ts';
export * from './events.ts';
export { theme } from './theme.styles.ts';
