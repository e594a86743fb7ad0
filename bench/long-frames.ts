// What the benchmark's longest task was doing, from the page's long-animation-frame entries.

/** A long animation frame as bench/run.ts records it in the page. */
export interface LongFrame {
  start: number;
  duration: number;
  /** When rendering (style, layout, paint) began; 0 for a frame that did not render. */
  renderStart: number;
  /** Scripts over 5 ms: how they were called, the function and its file (file names only), forced layout in them. */
  scripts: {
    start: number;
    duration: number;
    type: string;
    invoker: string;
    fn: string;
    url: string;
    layout: number;
  }[];
}

/**
 * What the longest task was doing, from the long animation frame that holds it (a frame may hold other, shorter
 * tasks too): its scripts over 5 ms (each with the forced layout inside it) and the frame's rendering (style,
 * layout, paint, without the animation-frame callbacks listed as scripts). Undefined where the browser has no
 * long-animation-frame entries or none covers the task.
 */
export function describeLongestTask(
  [start, duration]: [number, number],
  frames: LongFrame[],
): string | undefined {
  const frame = frames.find(
    (f) => f.start <= start + 1 && start + duration <= f.start + f.duration + 1,
  );
  if (!frame) return undefined;
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const parts = [...frame.scripts]
    .sort((a, b) => b.duration - a.duration)
    .map(
      (s) =>
        `${ms(s.duration)} ${s.type} ${s.invoker}${s.fn ? ` ${s.fn}` : ''}${s.url && s.url !== s.invoker ? ` (${s.url})` : ''}` +
        (s.layout > 0 ? `, ${ms(s.layout)} of it forced layout` : ''),
    );
  const renderStart = frame.renderStart > 0 ? frame.renderStart : frame.start + frame.duration;
  const sum = (scripts: LongFrame['scripts']) => scripts.reduce((t, s) => t + s.duration, 0);
  const inRender = sum(frame.scripts.filter((s) => s.start >= renderStart));
  const render = frame.start + frame.duration - renderStart - inRender;
  if (render > 0) parts.push(`${ms(render)} rendering`);
  const unattributed =
    renderStart - frame.start - sum(frame.scripts.filter((s) => s.start < renderStart));
  if (unattributed >= 5) parts.push(`${ms(unattributed)} outside scripts`);
  return `${ms(duration)} at ${(start / 1000).toFixed(2)} s: ${parts.join('; ')}`;
}
