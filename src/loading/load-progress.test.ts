import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import {
  getLoadProgress,
  setLoadProgress,
  subscribeLoadProgress,
  useLoadProgress,
} from './load-progress';

function Stage({ src }: { src: string }) {
  const progress = useLoadProgress(src);
  return createElement('p', null, progress?.stage ?? 'idle');
}

describe('load progress', () => {
  it('keeps the stage per source and tells subscribers', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeLoadProgress(listener);
    setLoadProgress('a.json', { stage: 'validating', events: 100_000 });
    expect(getLoadProgress('a.json')).toEqual({ stage: 'validating', events: 100_000 });
    expect(getLoadProgress('b.json')).toBeUndefined();
    setLoadProgress('a.json', undefined);
    expect(getLoadProgress('a.json')).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('is read by useLoadProgress', () => {
    setLoadProgress('c.json', { stage: 'downloading', received: 0 });
    expect(renderToString(createElement(Stage, { src: 'c.json' }))).toBe('<p>downloading</p>');
    setLoadProgress('c.json', undefined);
    expect(renderToString(createElement(Stage, { src: 'c.json' }))).toBe('<p>idle</p>');
  });
});
