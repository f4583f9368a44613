import type { Locale } from './context.ts';

/**
 * Every message a person may read, in Slovenian and English. Error codes are
 * stable for programs; messages are for people.
 */
const messages = {
  NOT_FOUND: { sl: 'Tega ni mogoče najti.', en: 'This could not be found.' },
  VALIDATION: { sl: 'Nekateri podatki niso pravilni.', en: 'Some of the data is not valid.' },
  // One field's problem (schema/src/validation-messages.ts), in place of the validator's English.
  FIELD_TOO_SHORT: {
    sl: 'Besedilo je prekratko (najmanj znakov: {minimum}).',
    en: 'This is too short (at least {minimum} characters).',
  },
  FIELD_TOO_LONG: {
    sl: 'Besedilo je predolgo (največ znakov: {maximum}).',
    en: 'This is too long (at most {maximum} characters).',
  },
  FIELD_TOO_SMALL: { sl: 'Vrednost mora biti vsaj {minimum}.', en: 'The value must be at least {minimum}.' },
  FIELD_TOO_BIG: { sl: 'Vrednost je lahko največ {maximum}.', en: 'The value must be at most {maximum}.' },
  FIELD_TOO_FEW: { sl: 'Izberite vsaj toliko: {minimum}.', en: 'Choose at least {minimum}.' },
  FIELD_TOO_MANY: { sl: 'Izberete lahko največ toliko: {maximum}.', en: 'Choose at most {maximum}.' },
  FIELD_EMAIL: { sl: 'Vpišite veljaven e-poštni naslov.', en: 'Enter a valid e-mail address.' },
  FIELD_URL: { sl: 'Vpišite veljaven spletni naslov (URL).', en: 'Enter a valid web address (URL).' },
  FIELD_FORMAT: { sl: 'Vrednost ni v pravi obliki.', en: 'The value is not in the right format.' },
  FIELD_INTEGER: { sl: 'Vpišite celo število.', en: 'Enter a whole number.' },
  FIELD_CHOICE: { sl: 'Izberite eno od ponujenih možnosti.', en: 'Choose one of the options offered.' },
  FIELD_INVALID: { sl: 'Vrednost ni veljavna.', en: 'The value is not valid.' },
  SHIFT_ENDS_BEFORE_START: { sl: 'Termin se mora končati po začetku.', en: 'A shift must end after it starts.' },
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
  REQUEST_TOO_LARGE: {
    sl: 'Zahtevek je prevelik: največ {max} bajtov.',
    en: 'The request is too large: at most {max} bytes.',
  },
  INVALID_CONTENT_LENGTH: {
    sl: 'Glava Content-Length ni veljavna.',
    en: 'The Content-Length header is not valid.',
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
  // Mentoring, learning goals, intervision and indicators (schema/src/mentoring, types/{mentor-assignment,learning-goal,intervision,indicator}.ts).
  NOT_A_MENTOR: {
    sl: 'Mentor mora biti mentor, koordinator ali skrbnik te organizacije.',
    en: 'The mentor must be a mentor, coordinator or admin of this organisation.',
  },
  SELF_MENTORING: { sl: 'Nihče ne more biti sam svoj mentor.', en: 'Nobody can be their own mentor.' },
  ASSIGNMENT_OVERLAPS: {
    sl: 'Ta mentor je prostovoljcu v tej organizaciji že dodeljen za obdobje, ki se prekriva s tem.',
    en: 'This mentor is already assigned to the volunteer in this organisation for a period that overlaps this one.',
  },
  END_BEFORE_START: { sl: 'Konec ne sme biti pred začetkom.', en: 'The end cannot be before the start.' },
  MENTOR_NOTES_MENTORS_ONLY: {
    sl: 'Mentorske zapiske lahko pišejo le mentorji prostovoljca.',
    en: "Only the volunteer's mentors can write mentor notes.",
  },
  NOT_A_PROJECT_PARTNER: {
    sl: 'Organizacija ni partnerica tega projekta.',
    en: 'The organisation is not a partner of this project.',
  },
  OUTSIDE_PROJECT_PERIOD: {
    sl: 'Datum mora biti v obdobju projekta, od {startsOn} do {endsOn}.',
    en: 'The date must be within the project period, {startsOn} to {endsOn}.',
  },
  INDICATOR_COMPUTED: {
    sl: 'Napredek tega kazalnika se izračuna iz podatkov, zato ga ni mogoče vpisati ročno.',
    en: 'The progress of this indicator is computed from the data, so it cannot be recorded by hand.',
  },
  AMOUNT_NOT_ZERO: { sl: 'Vpišite število, različno od 0.', en: 'Enter a number other than 0.' },
  // Evaluation templates, rounds, drafts, reminders and aggregates (schema/src/evaluation, types/evaluation-*.ts).
  REQUEST_ALREADY_ANSWERED: {
    sl: 'Na to vabilo k evalvaciji ste že odgovorili.',
    en: 'You have already answered this evaluation request.',
  },
  ROUND_NOT_OPEN: {
    sl: 'Ta krog evalvacije se še ni začel.',
    en: 'This evaluation round has not opened yet.',
  },
  TEMPLATE_PUBLISHED: {
    sl: 'Objavljene različice vprašalnika ni mogoče spreminjati; začnite novo različico.',
    en: 'A published version of a questionnaire cannot be changed; start a new version.',
  },
  TEMPLATE_KEY_TAKEN: {
    sl: 'Vprašalnik s tem ključem že obstaja.',
    en: 'A questionnaire with this key already exists.',
  },
  TEMPLATE_WITHOUT_QUESTIONS: {
    sl: 'Vprašalnik brez vprašanj ni mogoče objaviti.',
    en: 'A questionnaire without questions cannot be published.',
  },
  TEMPLATE_NOT_LATEST: {
    sl: 'Novo različico lahko začnete le iz zadnje objavljene različice.',
    en: 'A new version can only be started from the latest published version.',
  },
  TEMPLATE_NOT_PUBLISHED: {
    sl: 'Ta različica vprašalnika še ni objavljena.',
    en: 'This version of the questionnaire is not published yet.',
  },
  UNKNOWN_COMPETENCE: { sl: 'Te kompetence ni.', en: 'There is no such competence.' },
  CHOICES_REQUIRED: {
    sl: 'Vprašanje z izbiro potrebuje vsaj dve različni izbiri.',
    en: 'A choice question needs at least two different choices.',
  },
  SCALE_RANGE: {
    sl: 'Najnižja vrednost lestvice mora biti manjša od najvišje.',
    en: 'The lowest value of a scale must be below the highest.',
  },
  DUE_BEFORE_OPEN: {
    sl: 'Rok ne sme biti pred začetkom kroga.',
    en: 'The due date cannot be before the round opens.',
  },
  NO_RESPONDENTS: {
    sl: 'V tem krogu ni nikogar, ki bi moral odgovoriti.',
    en: 'Nobody would have to answer in this round.',
  },
  OPPORTUNITY_REQUIRED: {
    sl: 'Za oceno prostovoljskega mesta izberite priložnost.',
    en: 'Choose an opportunity for an evaluation of the placement.',
  },
  EVALUATION_REMINDER_SUBJECT: {
    sl: 'Opomnik: evalvacija do {dueOn}',
    en: 'Reminder: evaluation due by {dueOn}',
  },
  EVALUATION_REMINDER_INTRO: {
    sl: 'Pozdravljeni, {name}!\n\nProsimo vas, da izpolnite naslednje vprašalnike:',
    en: 'Hello {name},\n\nplease fill in the following questionnaires:',
  },
  EVALUATION_REMINDER_LINE: {
    sl: '- {title} ({organization}), rok {dueOn}',
    en: '- {title} ({organization}), due {dueOn}',
  },
  EVALUATION_REMINDER_ABOUT: { sl: ' o osebi {subject}', en: ' about {subject}' },
  EVALUATION_REMINDER_OUTRO: {
    sl: 'Najdete jih med svojimi vabili k evalvaciji na spletni strani organizacije. Nedokončane odgovore lahko shranite in nadaljujete pozneje.\n\nHvala!',
    en: "You find them among your evaluation requests on the organisation's website. You can save unfinished answers and continue later.\n\nThank you!",
  },
  // Certificates and agreements (types/certificate.ts, types/agreement.ts).
  CERTIFICATE_NOT_REQUESTED: {
    sl: 'Izdati ali zavrniti je mogoče le zahtevano potrdilo; to je že {status}.',
    en: 'Only a requested certificate can be issued or declined; this one is already {status}.',
  },
  CERTIFICATE_NOT_ISSUED: {
    sl: 'Preklicati je mogoče le izdano potrdilo.',
    en: 'Only an issued certificate can be revoked.',
  },
  NO_APPROVED_HOURS: {
    sl: 'Prostovoljec v tem obdobju pri organizaciji nima potrjenih ur.',
    en: 'The volunteer has no approved hours with the organisation in this period.',
  },
  CERTIFICATE_REQUESTED_SUBJECT: {
    sl: '{volunteer} prosi za potrdilo o prostovoljskem delu',
    en: '{volunteer} asks for a certificate of volunteer work',
  },
  CERTIFICATE_REQUESTED_TEXT: {
    sl: 'Pozdravljeni, {name}!\n\n{volunteer} prosi {organization} za potrdilo o opravljenem prostovoljskem delu za obdobje od {from} do {to}.\n\nSporočilo prostovoljca: {note}\n\nPotrdilo izdate ali zahtevo zavrnete v Tandemu, med zahtevami za potrdila vaše organizacije.',
    en: 'Hello {name},\n\n{volunteer} asks {organization} for a certificate of their volunteer work for {from} to {to}.\n\nTheir note: {note}\n\nIssue the certificate or decline the request in Tandem, among your organisation’s certificate requests.',
  },
  CERTIFICATE_ISSUED_SUBJECT: {
    sl: 'Potrdilo o prostovoljskem delu {number} je izdano',
    en: 'Your certificate of volunteer work {number} is issued',
  },
  CERTIFICATE_ISSUED_TEXT: {
    sl: 'Pozdravljeni, {name}!\n\n{organization} vam je izdala potrdilo o opravljenem prostovoljskem delu št. {number} za obdobje od {from} do {to}. Najdete ga med svojimi potrdili v Tandemu (HTML za tisk in PDF).\n\nKoda za preverjanje pristnosti: {code}',
    en: 'Hello {name},\n\n{organization} has issued your certificate of volunteer work no. {number} for {from} to {to}. You find it among your certificates in Tandem (HTML for printing and PDF).\n\nVerification code: {code}',
  },
  CERTIFICATE_DECLINED_SUBJECT: {
    sl: 'Zahteva za potrdilo o prostovoljskem delu je zavrnjena',
    en: 'Your request for a certificate of volunteer work was declined',
  },
  CERTIFICATE_DECLINED_TEXT: {
    sl: 'Pozdravljeni, {name}!\n\n{organization} je zavrnila vašo zahtevo za potrdilo za obdobje od {from} do {to}.\n\nPojasnilo: {note}',
    en: 'Hello {name},\n\n{organization} declined your request for a certificate for {from} to {to}.\n\nReason: {note}',
  },
  AGREEMENT_EXISTS: {
    sl: 'Prostovoljec ima pri tej organizaciji že veljaven dogovor ali osnutek; spremenite ga z novo različico.',
    en: 'The volunteer already has an agreement in force or a draft with this organisation; change it with a new version.',
  },
  AGREEMENT_SUPERSEDED: {
    sl: 'Ta različica dogovora ni več zadnja; spremenite zadnjo različico.',
    en: 'This version of the agreement is no longer the latest; change the latest one.',
  },
  AGREEMENT_ENDED: { sl: 'Ta dogovor je že prenehal.', en: 'This agreement has already ended.' },
} as const;

export type MessageKey = keyof typeof messages;

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the text in the reader's language, falling back to Slovenian. */
export function localized(locale: Locale, sl: string, en: string | null | undefined): string {
  return locale === 'en' && en ? en : sl;
}
