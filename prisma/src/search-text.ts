/**
 * Folds text for search: lower case, without diacritics (č → c, š → s, ž → z,
 * đ → d), single spaces. Volunteers often type Slovenian without the carons.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** What an opportunity's `searchText` column holds, computed on every write. */
export function opportunitySearchText(parts: {
  titleSl: string;
  titleEn?: string | null;
  descriptionSl: string;
  descriptionEn?: string | null;
  place?: string | null;
  organizationName: string;
  skills?: readonly string[] | null;
}): string {
  return foldForSearch(
    [
      parts.titleSl,
      parts.titleEn,
      parts.descriptionSl,
      parts.descriptionEn,
      parts.place,
      parts.organizationName,
      ...(parts.skills ?? []),
    ]
      .filter(Boolean)
      .join(' '),
  );
}
