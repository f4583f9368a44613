import type { Locale } from '@tandem/schema';

/** Slovenian unless the request prefers English (Accept-Language or ?lang=). */
export function localeOf(request: Request): Locale {
  // Parsing the URL only when it can hold the parameter: this runs on every cached GET.
  const lang = request.url.includes('lang=') ? new URL(request.url).searchParams.get('lang') : null;
  if (lang === 'en' || lang === 'sl') return lang;
  const accept = request.headers.get('accept-language') ?? '';
  for (const part of accept.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('sl')) return 'sl';
    if (tag.startsWith('en')) return 'en';
  }
  return 'sl';
}
