export const languages = ['en', 'es', 'fr', 'de', 'it', 'pt'] as const;

export type Language = (typeof languages)[number];

/** "fr-CA" → "fr"; a language the widget has no words for → English. */
export const languageOf = (tag: string | undefined): Language => {
  const primary = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return (languages as readonly string[]).includes(primary) ? (primary as Language) : 'en';
};
