// How far loading each incident source has got, as a tiny external store the view reads with useLoadProgress.
import { useCallback, useSyncExternalStore } from 'react';
import type { ParseProgress } from './parse-in-worker';
import type { BodyProgress } from './read-body';

/**
 * `downloading` (bytes received, of the total when known, and the events read from them when the download is
 * streamed) until the bytes are in, then the parser's stages.
 */
export type LoadProgress =
  ({ stage: 'downloading'; events?: number } & BodyProgress) | ParseProgress;

const progressBySource = new Map<string, LoadProgress>();
const listeners = new Set<() => void>();

export function setLoadProgress(src: string, progress: LoadProgress | undefined): void {
  if (progress === undefined) progressBySource.delete(src);
  else progressBySource.set(src, progress);
  for (const listener of listeners) listener();
}

export function getLoadProgress(src: string): LoadProgress | undefined {
  return progressBySource.get(src);
}

export function subscribeLoadProgress(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The loading stage of `src`, for "Validating 100,000 events…"; undefined once loaded or failed. */
export function useLoadProgress(src: string): LoadProgress | undefined {
  const read = useCallback(() => getLoadProgress(src), [src]);
  return useSyncExternalStore(subscribeLoadProgress, read, read);
}
