// Slovenian (the default): the strings every widget shares. Each widget keeps its own strings in its
// folder's messages.ts, so a page loads only the texts of the widgets it shows.
export const sl = {
  'error.network': 'Povezava s strežnikom ni uspela. Preverite povezavo in poskusite znova.',
  'error.rateLimited': 'Preveč zahtev v kratkem času. Počakajte minuto in poskusite znova.',
  'error.unauthenticated': 'Niste prijavljeni ali pa je prijava potekla. Prijavite se znova.',
  'error.forbidden': 'Za to nimate dovoljenja.',
  'error.unexpected': 'Nekaj je šlo narobe. Poskusite znova.',
  'error.fields': 'Popravite označena polja.',
  'common.loading': 'Nalaganje …',
  'common.retry': 'Poskusi znova',
  'common.close': 'Zapri',
  'common.back': 'Nazaj',
  'common.required': 'obvezno',
  'common.optional': 'neobvezno',
  'common.yes': 'Da',
  'common.no': 'Ne',
};

export type CoreMessages = typeof sl;
