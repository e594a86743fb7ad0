// The page's first render is a transition, rendered in slices (main.tsx); later ones may render in one task.
let first = true;

/** Whether the page's first render is still under way (it ends with its commit). */
export const inFirstRender = () => first;

/** The first commit calls this. */
export const firstRenderCommitted = () => {
  first = false;
};
