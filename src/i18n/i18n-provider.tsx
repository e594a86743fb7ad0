import type { ReactNode } from 'react';
import type { Lang } from '../model/text';
import { catalogs, I18nContext } from './i18n';

export function I18nProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <I18nContext value={catalogs[lang]}>{children}</I18nContext>;
}
