import { describe, expect, it } from 'vitest';
import { revealLaneAt } from './lane-scroll';

describe('revealLaneAt', () => {
  // A view 300 px high scrolled to 100: lanes from 100 to 400 are in view.
  it('leaves a lane already in view where it is', () => {
    expect(revealLaneAt(100, 50, 100, 300)).toBeUndefined();
    expect(revealLaneAt(350, 50, 100, 300)).toBeUndefined();
  });

  it('scrolls up to a lane above the view, to its top', () => {
    expect(revealLaneAt(40, 50, 100, 300)).toBe(40);
    expect(revealLaneAt(80, 50, 100, 300)).toBe(80);
  });

  it('scrolls down to a lane below the view just far enough to show it whole', () => {
    expect(revealLaneAt(600, 80, 100, 300)).toBe(380);
    expect(revealLaneAt(380, 50, 100, 300)).toBe(130);
  });

  it('shows the top of a lane taller than the view', () => {
    expect(revealLaneAt(600, 500, 100, 300)).toBe(600);
  });
});
