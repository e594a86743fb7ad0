import { describe, expect, it, vi } from 'vitest';
import { en } from './en';
import { english, loadCatalog, loadedCatalog, subscribeCatalogs } from './i18n';

describe('catalogs', () => {
  it('has English at once and fetches Traditional Chinese once, telling subscribers when it arrives', async () => {
    expect(loadedCatalog('en')).toBe(english);
    expect(await loadCatalog('en')).toBe(english);
    expect(loadedCatalog('zh-Hant')).toBeUndefined();
    const listener = vi.fn();
    const unsubscribe = subscribeCatalogs(listener);
    const first = loadCatalog('zh-Hant');
    expect(loadCatalog('zh-Hant')).toBe(first);
    const zh = await first;
    unsubscribe();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(zh?.lang).toBe('zh-Hant');
    expect(zh?.t.allTimesUtc).toBe('所有時間均為 UTC');
    expect(Object.keys(zh!.t).sort()).toEqual(Object.keys(en).sort());
    expect(loadedCatalog('zh-Hant')).toBe(zh);
  });
});
