import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhHant } from './zh-hant';

/** Every string of a catalog by its path ("editor.fields.action"); functions are left out. */
function strings(node: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') out.set(path, node);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node))
      strings(v, path ? `${path}.${k}` : k).forEach((s, p) => out.set(p, s));
  return out;
}

// One Chinese word per term of the format, wherever the UI names it; 行動 once stood for "Action" in the event form.
const TERMS: Record<string, string> = {
  Action: '動作',
  Actions: '動作',
  Actor: '行為者',
  Phase: '階段',
};

describe('the zh-Hant catalog', () => {
  const english = strings(en);
  const chinese = strings(zhHant);

  it.each(Object.entries(TERMS))('says "%s" as %s everywhere', (term, word) => {
    const paths = [...english].filter(([, s]) => s === term).map(([p]) => p);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect([p, chinese.get(p)]).toEqual([p, word]);
  });

  it('has no other word for an action', () => {
    expect([...chinese].filter(([, s]) => s.includes('行動'))).toEqual([]);
  });
});
