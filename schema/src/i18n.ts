import type { Locale } from './context.ts';

/**
 * Every message a person may read, in Slovenian and English. Error codes are
 * stable for programs; messages are for people.
 */
const messages = {
  NOT_FOUND: { sl: 'Tega ni mogoče najti.', en: 'This could not be found.' },
  VALIDATION: { sl: 'Nekateri podatki niso pravilni.', en: 'Some of the data is not valid.' },
  OPPORTUNITY_NOT_OPEN: {
    sl: 'Prijave na to priložnost niso več odprte.',
    en: 'This opportunity no longer accepts sign-ups.',
  },
  SHIFT_REQUIRED: { sl: 'Izberite termin.', en: 'Choose a shift.' },
  SHIFT_IN_PAST: { sl: 'Ta termin je že minil.', en: 'This shift has already taken place.' },
  TOO_YOUNG: {
    sl: 'Za to priložnost morate biti stari vsaj {minAge} let.',
    en: 'You must be at least {minAge} years old for this opportunity.',
  },
  UNDER_15_NOT_SUITABLE: {
    sl: 'Prostovoljci, mlajši od 15 let, se lahko prijavijo le na priložnosti, primerne zanje, z mentorjem.',
    en: 'Volunteers under 15 may only sign up for opportunities marked suitable for them, with a mentor.',
  },
  GUARDIAN_CONSENT_REQUIRED: {
    sl: 'Mladoletni prostovoljci potrebujejo soglasje starša ali skrbnika.',
    en: 'Volunteers under 18 need the consent of a parent or guardian.',
  },
  CONSENT_REQUIRED: {
    sl: 'Za prijavo se morate strinjati z obdelavo osebnih podatkov.',
    en: 'You must agree to the processing of your personal data to sign up.',
  },
  IDEMPOTENCY_CONFLICT: {
    sl: 'Ta ključ za ponovitev je bil že uporabljen za drugačen vnos.',
    en: 'This idempotency key was already used for a different entry.',
  },
  ALREADY_REVIEWED: {
    sl: 'Ta vnos ur je bil že pregledan drugače.',
    en: 'This hour entry was already reviewed with a different decision.',
  },
  OWN_HOURS: { sl: 'Svojih ur ne morete potrditi sami.', en: 'You cannot review your own hours.' },
  NOT_A_VOLUNTEER: {
    sl: 'Ure lahko beležite le pri organizaciji, pri kateri prostovoljite.',
    en: 'You can only log hours with an organisation you volunteer with.',
  },
  TRANSITION_NOT_ALLOWED: {
    sl: 'Prijave v stanju {from} ni mogoče spremeniti v {to}.',
    en: 'An application that is {from} cannot become {to}.',
  },
  TEMPLATE_NOT_OPEN: {
    sl: 'Ta vprašalnik ni več v uporabi; odprite novejšo različico.',
    en: 'This questionnaire is retired; open the newer version.',
  },
  REQUIRED: { sl: 'Obvezno polje.', en: 'This field is required.' },
  CAPACITY_FULL: { sl: 'Vsa mesta so že zasedena.', en: 'All places are taken.' },
  INVALID_ANSWER: { sl: 'Ta odgovor ni veljaven.', en: 'This answer is not valid.' },
  UNKNOWN_QUESTION: { sl: 'Tega vprašanja ni.', en: 'There is no such question.' },
  FUTURE_DATE: { sl: 'Datum ne sme biti v prihodnosti.', en: 'The date cannot be in the future.' },
  UNAUTHENTICATED: { sl: 'Za to se morate prijaviti.', en: 'You need to sign in for this.' },
  FORBIDDEN: { sl: 'Za to nimate dovoljenja.', en: 'You are not allowed to do this.' },
} as const;

export type MessageKey = keyof typeof messages;

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the text in the reader's language, falling back to Slovenian. */
export function localized(locale: Locale, sl: string, en: string | null | undefined): string {
  return locale === 'en' && en ? en : sl;
}
