import { describe, expect, it } from 'vitest';
import { cancellable, cancelLoad, LoadCancelledError, untilAborted } from './load-cancel';

describe('untilAborted', () => {
  it('settles as the promise does while the signal holds', async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.resolve(42), controller.signal)).resolves.toBe(42);
    const failure = new Error('the database refused');
    await expect(untilAborted(Promise.reject(failure), controller.signal)).rejects.toBe(failure);
  });

  it('rejects with the reason as soon as Cancel is pressed, before the work ends', async () => {
    const { signal, release } = cancellable('draft:slow');
    const work = new Promise<string>(() => {});
    const waited = untilAborted(work, signal);
    cancelLoad('draft:slow');
    await expect(waited).rejects.toThrow('Loading draft:slow was cancelled');
    release();
  });

  it('rejects at once for a load cancelled already', async () => {
    const controller = new AbortController();
    controller.abort(new LoadCancelledError('big.json'));
    await expect(untilAborted(Promise.resolve(1), controller.signal)).rejects.toThrow(
      'Loading big.json was cancelled',
    );
  });
});
