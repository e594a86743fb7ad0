import type { ReactNode } from 'react';
import { I18nContext, type I18n } from './i18n';

export function I18nProvider({ value, children }: { value: I18n; children: ReactNode }) {
  return <I18nContext value={value}>{children}</I18nContext>;
}
