// Traditional Chinese, loaded on demand by loadCatalog (src/i18n/i18n.ts).
import { zhTW } from 'date-fns/locale/zh-TW';
import type { I18n } from './i18n';
import { zhHant } from './zh-hant';

export const zhHantCatalog: I18n = { lang: 'zh-Hant', t: zhHant, locale: zhTW };
