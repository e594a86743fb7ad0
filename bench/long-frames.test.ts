import { describe, expect, it } from 'vitest';
import { describeLongestTask, type LongFrame } from './long-frames';

const script = (over: Partial<LongFrame['scripts'][number]>): LongFrame['scripts'][number] => ({
  start: 0,
  duration: 10,
  type: 'user-callback',
  invoker: 'FrameRequestCallback',
  fn: '',
  url: 'index.js',
  layout: 0,
  ...over,
});

describe('describeLongestTask', () => {
  it('names the scripts of the frame that holds the task, longest first, with their forced layout, and the rendering without its callbacks', () => {
    const frames: LongFrame[] = [
      { start: 0, duration: 80, renderStart: 0, scripts: [script({ duration: 70 })] },
      {
        start: 1000,
        duration: 250,
        renderStart: 1220,
        scripts: [
          script({
            start: 1170,
            duration: 40,
            type: 'event-listener',
            invoker: 'Worker.onmessage',
            fn: 'onSlice',
          }),
          script({
            start: 1000,
            duration: 160,
            type: 'module-script',
            invoker: 'index-abc.js',
            url: 'index-abc.js',
            layout: 12,
          }),
          // An animation-frame callback, inside the rendering: counted once, as a script.
          script({ start: 1225, duration: 12 }),
        ],
      },
    ];
    expect(describeLongestTask([1000, 220], frames)).toBe(
      '220 ms at 1.00 s: 160 ms module-script index-abc.js, 12 ms of it forced layout; ' +
        '40 ms event-listener Worker.onmessage onSlice (index.js); ' +
        '12 ms user-callback FrameRequestCallback (index.js); 18 ms rendering; 20 ms outside scripts',
    );
  });

  it('says nothing when no frame holds the task (a browser without long-animation-frame entries)', () => {
    expect(describeLongestTask([500, 120], [])).toBeUndefined();
    expect(
      describeLongestTask([500, 120], [{ start: 0, duration: 100, renderStart: 0, scripts: [] }]),
    ).toBeUndefined();
  });
});
