import { describe, expect, it, vi } from 'vitest';
import { readBody, type BodyProgress } from './read-body';

/** A response whose body arrives in `chunks`, each after the previous one was read; `hold` never ends the body. */
function streamed(chunks: number[], headers: Record<string, string> = {}, hold = false) {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(new Uint8Array(chunks[i]!).fill(i++ + 1));
      else if (!hold) controller.close();
      else return new Promise(() => undefined);
    },
  });
  return new Response(body, { headers });
}

/**
 * A response whose body is a byte stream, as fetch's is in Chromium, with all of `chunks` queued from the start;
 * `hold` never ends the body.
 */
function byteStreamed(chunks: number[], headers: Record<string, string> = {}, hold = false) {
  const body = new ReadableStream({
    type: 'bytes',
    start(controller) {
      chunks.forEach((n, i) => controller.enqueue(new Uint8Array(n).fill(i + 1)));
      if (!hold) controller.close();
    },
  });
  return new Response(body, { headers });
}

const tooLarge = (size: number) => new Error(`too large: ${size}`);

describe('readBody', () => {
  it('reads every chunk, reporting bytes received of the declared total', async () => {
    const seen: BodyProgress[] = [];
    const bytes = await readBody(streamed([3, 4, 5], { 'content-length': '12' }), 100, tooLarge, {
      onProgress: (p) => seen.push(p),
      everyMs: 0,
    });
    expect([...bytes]).toEqual([1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
    expect(seen.map((p) => p.received)).toEqual([3, 7, 12, 12]);
    expect(seen.every((p) => p.total === 12)).toBe(true);
  });

  it('reads a body of unknown size, with no total', async () => {
    const seen: BodyProgress[] = [];
    const bytes = await readBody(streamed([2, 2]), 100, tooLarge, {
      onProgress: (p) => seen.push(p),
    });
    expect([...bytes]).toEqual([1, 1, 2, 2]);
    expect(seen.at(-1)).toEqual({ received: 4, total: undefined });
  });

  it('keeps every byte when the server sends more than it declared', async () => {
    const bytes = await readBody(streamed([3, 3], { 'content-length': '4' }), 100, tooLarge);
    expect([...bytes]).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('stops as soon as the body passes the limit', async () => {
    await expect(readBody(streamed([6, 6], {}, true), 10, tooLarge)).rejects.toThrow(
      'too large: 12',
    );
  });

  it('rejects with the reason when cancelled while the body is still arriving', async () => {
    const cancel = new AbortController();
    const reading = readBody(streamed([4], {}, true), 100, tooLarge, { signal: cancel.signal });
    setTimeout(() => cancel.abort(new Error('cancelled by the user')), 10);
    await expect(reading).rejects.toThrow('cancelled by the user');
  });

  describe('from a byte stream', () => {
    it('fills one buffer of the declared size with what has arrived, not chunk by chunk', async () => {
      const seen: number[] = [];
      const bytes = await readBody(
        byteStreamed([3, 4, 5], { 'content-length': '12' }),
        100,
        tooLarge,
        { onProgress: (p) => seen.push(p.received), everyMs: 0 },
      );
      expect([...bytes]).toEqual([1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
      expect(bytes.buffer.byteLength).toBe(12);
      expect(seen).toEqual([12, 12]);
    });

    it('lends the buffer after each read, with the bytes that have arrived in place', async () => {
      const seen: number[][] = [];
      let next = 0;
      // One chunk a pull, so that each read gets one.
      const body = new ReadableStream({
        type: 'bytes',
        pull(controller) {
          if (next === 3) {
            controller.close();
            // A read waiting with its own buffer ends only when told that nothing came into it.
            return controller.byobRequest?.respond(0);
          }
          controller.enqueue(new Uint8Array(3 + next).fill(++next));
        },
      });
      const response = new Response(body, { headers: { 'content-length': '12' } });
      const bytes = await readBody(response, 100, tooLarge, {
        onBytes: (buffer, received) => seen.push([...buffer.subarray(0, received)]),
      });
      expect(seen).toEqual([
        [1, 1, 1],
        [1, 1, 1, 2, 2, 2, 2],
        [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3],
      ]);
      expect([...bytes]).toEqual(seen[2]);
    });

    it('lends no buffer where the body is read chunk by chunk', async () => {
      const onBytes = vi.fn();
      const headers = { 'content-length': '12', 'content-encoding': 'gzip' };
      await readBody(byteStreamed([3, 4, 5], headers), 100, tooLarge, { onBytes });
      await readBody(streamed([3, 4, 5], { 'content-length': '12' }), 100, tooLarge, { onBytes });
      expect(onBytes).not.toHaveBeenCalled();
    });

    it('keeps every byte when the server sends more than it declared', async () => {
      const bytes = await readBody(byteStreamed([3, 3], { 'content-length': '4' }), 100, tooLarge);
      expect([...bytes]).toEqual([1, 1, 1, 2, 2, 2]);
    });

    it('returns what came when the server sends less than it declared', async () => {
      const bytes = await readBody(byteStreamed([3], { 'content-length': '8' }), 100, tooLarge);
      expect([...bytes]).toEqual([1, 1, 1]);
    });

    it('stops as soon as the body passes the limit', async () => {
      await expect(readBody(byteStreamed([6, 6]), 10, tooLarge)).rejects.toThrow('too large: 12');
    });

    it('reads a compressed response chunk by chunk, its declared size being the compressed one', async () => {
      const seen: number[] = [];
      const headers = { 'content-length': '12', 'content-encoding': 'gzip' };
      const bytes = await readBody(byteStreamed([3, 4, 5], headers), 100, tooLarge, {
        onProgress: (p) => seen.push(p.received),
        everyMs: 0,
      });
      expect([...bytes]).toEqual([1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
      expect(seen).toEqual([3, 7, 12, 12]);
    });

    it('rejects with the reason when cancelled while a read is waiting', async () => {
      const cancel = new AbortController();
      const response = byteStreamed([4], { 'content-length': '10' }, true);
      const reading = readBody(response, 100, tooLarge, { signal: cancel.signal });
      setTimeout(() => cancel.abort(new Error('cancelled by the user')), 10);
      await expect(reading).rejects.toThrow('cancelled by the user');
    });
  });
});
