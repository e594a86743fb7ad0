// Cancel for a load in progress: the loading view's button aborts the download or the parse of its source.

/** Thrown by a load the user cancelled, so the view can say so instead of showing a failure. */
export class LoadCancelledError extends Error {
  constructor(readonly file: string) {
    super(`Loading ${file} was cancelled`);
  }
}

const controllers = new Map<string, AbortController>();

/** A signal that `cancelLoad(src)` aborts, until `release` is called. */
export function cancellable(src: string): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  controllers.set(src, controller);
  return {
    signal: controller.signal,
    release: () => {
      if (controllers.get(src) === controller) controllers.delete(src);
    },
  };
}

/** Stops loading `src`, if it is loading. */
export function cancelLoad(src: string): void {
  controllers.get(src)?.abort(new LoadCancelledError(src));
}

/**
 * `promise`, or a rejection with `signal`'s reason as soon as it aborts: what the promise stands for goes on, and its
 * result is dropped (a read from the browser's database cannot be stopped, nor a check another view waits for).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.finally(() => signal.removeEventListener('abort', onAbort)).then(resolve, reject);
  });
}
