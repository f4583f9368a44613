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
  // Request-level errors of the HTTP layer (api/src).
  RATE_LIMITED: {
    sl: 'Preveč zahtevkov. Poskusite znova čez {seconds} s.',
    en: 'Too many requests. Try again in {seconds} s.',
  },
  UNSUPPORTED_CONTENT_TYPE: {
    sl: 'Zahtevki POST morajo imeti Content-Type: application/json.',
    en: 'POST requests must have Content-Type: application/json.',
  },
  INTERNAL_SERVER_ERROR: { sl: 'Nepričakovana napaka.', en: 'Unexpected error.' },
  // API keys and members (types/api-key.ts, types/membership.ts).
  INVALID_ORIGIN: {
    sl: 'To ni veljaven izvor: uporabite https://gostitelj[:vrata] (http le za localhost ali 127.0.0.1).',
    en: 'This is not a valid origin: use https://host[:port] (http only for localhost or 127.0.0.1).',
  },
  ORIGIN_REQUIRED: {
    sl: 'Javni ključ potrebuje vsaj en dovoljen izvor.',
    en: 'A publishable key needs at least one allowed origin.',
  },
  TOO_MANY_ORIGINS: { sl: 'Največ {max} izvorov.', en: 'At most {max} origins.' },
  ORIGINS_NOT_FOR_SECRET: {
    sl: 'Skrivni ključ se ne uporablja v brskalniku in nima dovoljenih izvorov.',
    en: 'A secret key is not used in browsers and has no allowed origins.',
  },
  SCOPES_NOT_FOR_PUBLISHABLE: {
    sl: 'Javni ključ nima pravic; pravice ima le skrivni ključ.',
    en: 'A publishable key carries no permissions; only secret keys have scopes.',
  },
  SCOPE_REQUIRED: { sl: 'Skrivni ključ potrebuje vsaj eno pravico.', en: 'A secret key needs at least one scope.' },
  UNKNOWN_SCOPE: {
    sl: 'Pravica {scope} ne obstaja ali je ključ ne more imeti.',
    en: 'The scope {scope} does not exist or cannot be given to a key.',
  },
  INVALID_EMAIL: { sl: 'To ni veljaven e-naslov.', en: 'This is not a valid e-mail address.' },
  TEXT_LENGTH: { sl: 'Vpišite od {min} do {max} znakov.', en: 'Enter {min} to {max} characters.' },
  LAST_ADMIN: {
    sl: 'Organizacija mora imeti vsaj enega skrbnika: najprej dodajte drugega.',
    en: 'An organisation needs at least one admin: add another one first.',
  },
  ROLE_ADMIN: { sl: 'skrbnik', en: 'admin' },
  ROLE_COORDINATOR: { sl: 'koordinator', en: 'coordinator' },
  ROLE_MENTOR: { sl: 'mentor', en: 'mentor' },
  ROLE_VOLUNTEER: { sl: 'prostovoljec', en: 'volunteer' },
  MEMBER_INVITATION_SUBJECT: {
    sl: 'Dodani ste v organizacijo {organization} v Tandemu',
    en: 'You have been added to {organization} on Tandem',
  },
  MEMBER_INVITATION_TEXT: {
    sl: 'Pozdravljeni, {name}!\n\nDodani ste v organizacijo {organization} v Tandemu z vlogo: {role}.\n\nTandem ne uporablja gesel. Ko se prijavljate, vpišite svoj e-naslov {email}; nanj vam bomo poslali enkratno kodo za prijavo.\n\nČe tega niste pričakovali, sporočilo lahko prezrete.',
    en: 'Hello {name},\n\nYou have been added to {organization} on Tandem as: {role}.\n\nTandem has no passwords. When you sign in, enter your e-mail address {email}; we will send a one-time sign-in code to it.\n\nIf you did not expect this, you can ignore this message.',
  },
  // Personal data (types/privacy.ts).
  CONFIRM_EMAIL_MISMATCH: {
    sl: 'Vpišite e-naslov svojega računa, da potrdite izbris.',
    en: "Type your account's e-mail address to confirm the erasure.",
  },
  // Signing in (types/account.ts).
  INVALID_CREDENTIALS: {
    sl: 'E-naslov ali geslo ni pravilno.',
    en: 'The e-mail address or password is not correct.',
  },
  INVALID_CODE: {
    sl: 'Koda ali povezava ni pravilna, je že bila uporabljena ali je potekla. Zahtevajte novo.',
    en: 'The code or link is wrong, already used or expired. Ask for a new one.',
  },
  WRONG_PASSWORD: { sl: 'Trenutno geslo ni pravilno.', en: 'The current password is not correct.' },
  PASSWORD_LENGTH: {
    sl: 'Geslo mora imeti od {min} do {max} znakov.',
    en: 'The password must have {min} to {max} characters.',
  },
  SIGN_IN_CODE_SUBJECT: { sl: 'Koda za prijavo v Tandem: {code}', en: 'Your Tandem sign-in code: {code}' },
  SIGN_IN_CODE_TEXT: {
    sl: 'Pozdravljeni, {name}!\n\nVaša koda za prijavo v Tandem je:\n\n    {code}\n\nVelja {minutes} minut in le enkrat.{link}\n\nČe se niste prijavljali vi, sporočilo prezrite: brez kode se v vaš račun ne da prijaviti.',
    en: 'Hello {name},\n\nYour Tandem sign-in code is:\n\n    {code}\n\nIt is valid for {minutes} minutes and once only.{link}\n\nIf you did not try to sign in, ignore this message: nobody can sign in to your account without the code.',
  },
  SIGN_IN_CODE_LINK: {
    sl: '\n\nLahko pa se prijavite s to povezavo:\n{url}',
    en: '\n\nOr sign in with this link:\n{url}',
  },
  PASSWORD_CHANGED_SUBJECT: { sl: 'Vaše geslo za Tandem je spremenjeno', en: 'Your Tandem password was changed' },
  PASSWORD_CHANGED_TEXT: {
    sl: 'Pozdravljeni, {name}!\n\nVaše geslo za Tandem je bilo nastavljeno {when}. Vse druge prijave v vaš račun so bile odjavljene.\n\nČe tega niste storili vi, se takoj prijavite s kodo, ki jo dobite po e-pošti, nastavite novo geslo in nas obvestite.',
    en: 'Hello {name},\n\nYour Tandem password was set on {when}. All other sessions of your account were signed out.\n\nIf this was not you, sign in at once with a code sent by e-mail, set a new password and let us know.',
  },
} as const;

export type MessageKey = keyof typeof messages;

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the text in the reader's language, falling back to Slovenian. */
export function localized(locale: Locale, sl: string, en: string | null | undefined): string {
  return locale === 'en' && en ? en : sl;
}
