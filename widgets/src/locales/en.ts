import type { CoreMessages } from './sl.ts';

export const en: CoreMessages = {
  'error.network': 'Could not reach the server. Check your connection and try again.',
  'error.rateLimited': 'Too many requests in a short time. Wait a minute and try again.',
  'error.unauthenticated': 'You are not signed in or your session has expired. Please sign in again.',
  'error.forbidden': 'You are not allowed to do this.',
  'error.unexpected': 'Something went wrong. Please try again.',
  'error.fields': 'Please correct the marked fields.',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.close': 'Close',
  'common.back': 'Back',
  'common.required': 'required',
  'common.optional': 'optional',
  'common.yes': 'Yes',
  'common.no': 'No',
};
