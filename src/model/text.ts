// Picks one language out of localized text, with a predictable fallback.
import type { LocalizedText } from './incident';

export const UI_LANGUAGES = ['en', 'zh-Hant'] as const;
export type Lang = (typeof UI_LANGUAGES)[number];

/** The text in `lang`, else English, else the first language the text has. */
export function localize(text: LocalizedText | undefined, lang: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** Every language version of the text, for searching across languages. */
export function allVersions(text: LocalizedText | undefined): string[] {
  if (text === undefined) return [];
  return typeof text === 'string' ? [text] : Object.values(text);
}
