/** Tries for about five seconds of frames: the editor's chunk may still be downloading on a slow link. */
const FRAMES = 300;

function focusWhenThere(frames: number) {
  const list = document.querySelector<HTMLElement>('.draft-problems');
  const first = list?.querySelector<HTMLElement>('a[href]');
  if (list && first) {
    list.scrollIntoView({ block: 'center' });
    first.focus();
  } else if (frames > 0) requestAnimationFrame(() => focusWhenThere(frames - 1));
}

/**
 * Brings the problems list into view and focus: its first link leads on to the field. The list appears once edit
 * mode has rendered, after the editor's chunk has loaded when edit mode was only just entered.
 */
export function focusProblems() {
  focusWhenThere(FRAMES);
}
