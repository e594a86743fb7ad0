import { describe, expect, it } from 'vitest';
import { revealAt, rowWindow, scrollToShow } from './row-window';

describe('rowWindow', () => {
  it('renders the rows in view and the overscan on each side', () => {
    // 36 px rows, a 420 px viewport scrolled to row 100.
    expect(rowWindow(3600, 420, 36, 100_000, 8)).toEqual({ first: 92, end: 120 });
  });

  it('stays within the list at its top and bottom', () => {
    expect(rowWindow(0, 420, 36, 100_000, 8)).toEqual({ first: 0, end: 20 });
    // Scrolled to the bottom: the view's top is 420 px above the list's end, in row 99,988.
    expect(rowWindow(36 * 100_000 - 420, 420, 36, 100_000, 8)).toEqual({
      first: 99_980,
      end: 100_000,
    });
  });

  it('renders every row of a short list and nothing of an empty one', () => {
    expect(rowWindow(0, 420, 36, 5, 8)).toEqual({ first: 0, end: 5 });
    expect(rowWindow(0, 420, 36, 0, 8)).toEqual({ first: 0, end: 0 });
  });

  it('renders the last rows when the list shrank under a scrolled viewport, not an empty view', () => {
    // 40 rows, 1,440 px: the furthest the view can scroll is 1,020 px, row 28.
    expect(rowWindow(36 * 5_000, 420, 36, 40, 8)).toEqual({ first: 20, end: 40 });
  });
});

describe('scrollToShow', () => {
  const rowHeight = 36;
  const header = 30;
  const height = 420;

  it('leaves a row shown whole where it is', () => {
    expect(scrollToShow(3, 0, height, rowHeight, header)).toBeUndefined();
  });

  it('brings a row above the view to just below the sticky header', () => {
    const top = scrollToShow(10, 36 * 20, height, rowHeight, header)!;
    expect(top).toBe(360);
    // The row's top is where the header ends.
    expect(header + 10 * rowHeight - top).toBe(header);
  });

  it('brings a row below the view up to the bottom edge, whole', () => {
    const top = scrollToShow(50, 0, height, rowHeight, header)!;
    expect(header + 51 * rowHeight - top).toBe(height);
    expect(scrollToShow(50, top, height, rowHeight, header)).toBeUndefined();
  });

  it('scrolls a row half hidden under the header into full view', () => {
    expect(scrollToShow(10, 10 * 36 + 20, height, rowHeight, header)).toBe(360);
  });
});

describe('revealAt', () => {
  // A view 300 px high scrolled to 100: lanes from 100 to 400 are in view.
  it('leaves a lane already in view where it is', () => {
    expect(revealAt(100, 50, 100, 300)).toBeUndefined();
    expect(revealAt(350, 50, 100, 300)).toBeUndefined();
  });

  it('scrolls up to a lane above the view, to its top', () => {
    expect(revealAt(40, 50, 100, 300)).toBe(40);
    expect(revealAt(80, 50, 100, 300)).toBe(80);
  });

  it('scrolls down to a lane below the view just far enough to show it whole', () => {
    expect(revealAt(600, 80, 100, 300)).toBe(380);
    expect(revealAt(380, 50, 100, 300)).toBe(130);
  });

  it('shows the top of a lane taller than the view', () => {
    expect(revealAt(600, 500, 100, 300)).toBe(600);
  });
});
