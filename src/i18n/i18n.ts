import { createContext, useContext } from 'react';
import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import type { Lang } from '../model/text';
import { en, type Messages } from './en';

export interface I18n {
  lang: Lang;
  t: Messages;
  /** date-fns locale for durations; dates themselves are always written as UTC ISO-like stamps. */
  locale: Locale;
}

export const english: I18n = { lang: 'en', t: en, locale: enUS };

// Traditional Chinese (its messages and date-fns locale) is a chunk of its own, fetched for a page in Chinese or one
// switching to it: in the page's start it was about 8 KiB gzip of code that English pages never run.
const loaders: Record<Exclude<Lang, 'en'>, () => Promise<I18n>> = {
  'zh-Hant': () => import('./zh-hant-catalog').then((m) => m.zhHantCatalog),
};
const loaded: Partial<Record<Lang, I18n>> = { en: english };
const loading: Partial<Record<Lang, Promise<I18n | undefined>>> = {};
const listeners = new Set<() => void>();

/** The catalog of `lang` if its code has arrived. */
export const loadedCatalog = (lang: Lang): I18n | undefined => loaded[lang];

/** Fetches the catalog of `lang`; undefined if its code could not be fetched (the page then stays in English). */
export function loadCatalog(lang: Lang): Promise<I18n | undefined> {
  if (lang === 'en') return Promise.resolve(english);
  return (loading[lang] ??= loaders[lang]().then(
    (catalog) => {
      loaded[lang] = catalog;
      listeners.forEach((listener) => listener());
      return catalog;
    },
    () => {
      // A later switch tries again.
      delete loading[lang];
      return undefined;
    },
  ));
}

/** Calls `listener` whenever a catalog arrives; returns the unsubscribe. */
export function subscribeCatalogs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const I18nContext = createContext<I18n>(english);

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** The browser's preferred UI language among those we have. */
export function preferredLang(languages: readonly string[] = navigator.languages): Lang {
  return languages.some((l) => /^zh-(Hant|TW|HK|MO)/i.test(l)) ? 'zh-Hant' : 'en';
}
