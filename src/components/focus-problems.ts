/** Brings the problems list into view and focus: its first link leads on to the field. */
export function focusProblems(until = performance.now() + 10_000) {
  // The list renders once edit mode has been entered, after the editor's code has arrived when it is not yet loaded.
  requestAnimationFrame(() =>
    setTimeout(() => {
      const list = document.querySelector<HTMLElement>('.draft-problems');
      if (!list) {
        if (performance.now() < until) focusProblems(until);
        return;
      }
      list.scrollIntoView({ block: 'center' });
      list.querySelector<HTMLElement>('a[href]')?.focus();
    }),
  );
}
