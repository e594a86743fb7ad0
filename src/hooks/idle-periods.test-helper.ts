import type { WhenIdle } from './when-idle';

/** Idle periods run by hand: each gives `slices` checks of the deadline before it runs out. */
export function idlePeriods(slices: number) {
  const queue: Parameters<WhenIdle>[0][] = [];
  const idle: WhenIdle = (work) => {
    queue.push(work);
    return () => queue.splice(queue.indexOf(work), 1);
  };
  const runOne = () => {
    let left = slices;
    queue.shift()!({ timeRemaining: () => (left-- > 0 ? 10 : 0) });
  };
  return { idle, queue, runOne };
}
