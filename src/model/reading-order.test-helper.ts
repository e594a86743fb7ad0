// Test-only: events sorted into reading order at once, as the tests compare orders: the app makes the keys as slices arrive.
import { readingOrderSorter } from './time';

export function sortEvents<E extends Parameters<ReturnType<typeof readingOrderSorter>['add']>[0]>(
  events: readonly E[],
): E[] {
  const sorter = readingOrderSorter<E>();
  for (const e of events) sorter.add(e);
  return sorter.sorted();
}
