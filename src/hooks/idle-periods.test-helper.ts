import type { Deadline, WhenIdle } from './when-idle';

/** Idle periods run by hand, each with the deadline `deadline()` makes when it starts. */
export function idlePeriodsWith(deadline: () => Deadline) {
  const queue: Parameters<WhenIdle>[0][] = [];
  const idle: WhenIdle = (work) => {
    queue.push(work);
    return () => queue.splice(queue.indexOf(work), 1);
  };
  const runOne = () => queue.shift()!(deadline());
  return { idle, queue, runOne };
}

/** Idle periods run by hand: each gives `slices` checks of the deadline before it runs out. */
export function idlePeriods(slices: number) {
  return idlePeriodsWith(() => {
    let left = slices;
    return { timeRemaining: () => (left-- > 0 ? 10 : 0) };
  });
}
