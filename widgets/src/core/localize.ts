import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en } from '../locales/en.ts';
import { sl } from '../locales/sl.ts';

export type Lang = 'sl' | 'en';
export type Params = Record<string, string | number>;

const catalogs: Record<Lang, Record<string, string>> = { sl: { ...sl }, en: { ...en } };

/**
 * Adds a widget's own strings. `en` must have exactly the keys of `sl`, so a
 * missing translation fails the type check:
 *   registerMessages({ sl: { 'x.title': 'Naslov' }, en: { 'x.title': 'Title' } });
 */
export function registerMessages<S extends Record<string, string>>(messages: {
  sl: S;
  en: { [K in keyof S]: string };
}): void {
  Object.assign(catalogs.sl, messages.sl);
  Object.assign(catalogs.en, messages.en);
}

const LOCALES: Record<Lang, string> = { sl: 'sl-SI', en: 'en-GB' };
const plurals = new Map<Lang, Intl.PluralRules>();

/**
 * The message for `key` in `lang`, with `{name}` placeholders filled in. With a
 * numeric `count` parameter, `key.one` / `key.two` / `key.few` / `key.other`
 * (Slovenian has all four) are tried first.
 */
export function translate(lang: Lang, key: string, params?: Params): string {
  const catalog = catalogs[lang];
  let message: string | undefined;
  if (typeof params?.count === 'number') {
    let rules = plurals.get(lang);
    if (!rules) plurals.set(lang, (rules = new Intl.PluralRules(LOCALES[lang])));
    const category = rules.select(params.count);
    message = catalog[`${key}.${category}`] ?? catalog[`${key}.other`];
  }
  message ??= catalog[key] ?? catalogs.sl[key] ?? key;
  return params ? message.replace(/\{(\w+)\}/g, (all, name: string) => String(params[name] ?? all)) : message;
}

interface LangHost extends ReactiveControllerHost {
  lang: string;
}

/** The language of a widget (its `lang` attribute: `sl` by default, or `en`), with message and date formatting. */
export class LocalizeController implements ReactiveController {
  constructor(private readonly host: LangHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  get lang(): Lang {
    return this.host.lang === 'en' ? 'en' : 'sl';
  }

  get locale(): string {
    return LOCALES[this.lang];
  }

  t(key: string, params?: Params): string {
    return translate(this.lang, key, params);
  }

  /** A date or time for people, in Slovenian time. */
  date(value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return new Intl.DateTimeFormat(this.locale, { timeZone: 'Europe/Ljubljana', ...options }).format(new Date(value));
  }

  /** From–to of two instants, e.g. "12. 5. 2026, 9:00–12:00". */
  range(start: string | Date, end: string | Date): string {
    return new Intl.DateTimeFormat(this.locale, {
      timeZone: 'Europe/Ljubljana',
      dateStyle: 'medium',
      timeStyle: 'short',
    }).formatRange(new Date(start), new Date(end));
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.locale, options).format(value);
  }
}
