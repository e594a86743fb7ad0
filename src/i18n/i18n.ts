import { createContext, useContext } from 'react';
import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { zhTW } from 'date-fns/locale/zh-TW';
import type { Lang } from '../model/text';
import { en, type Messages } from './en';
import { zhHant } from './zh-hant';

export interface I18n {
  lang: Lang;
  t: Messages;
  /** date-fns locale for durations; dates themselves are always written as UTC ISO-like stamps. */
  locale: Locale;
}

export const catalogs: Record<Lang, I18n> = {
  en: { lang: 'en', t: en, locale: enUS },
  'zh-Hant': { lang: 'zh-Hant', t: zhHant, locale: zhTW },
};

export const I18nContext = createContext<I18n>(catalogs.en);

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** The browser's preferred UI language among those we have. */
export function preferredLang(languages: readonly string[] = navigator.languages): Lang {
  return languages.some((l) => /^zh-(Hant|TW|HK|MO)/i.test(l)) ? 'zh-Hant' : 'en';
}
