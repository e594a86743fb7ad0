/** Brings the problems list into view and focus: its first link leads on to the field. */
export function focusProblems() {
  // The list renders on the next frame when edit mode was only just entered.
  requestAnimationFrame(() =>
    setTimeout(() => {
      const list = document.querySelector<HTMLElement>('.draft-problems');
      list?.scrollIntoView({ block: 'center' });
      list?.querySelector<HTMLElement>('a[href]')?.focus();
    }),
  );
}
