// The benchmark's seeded random numbers.

/**
 * mulberry32: Math.random cannot be seeded, and the benchmark must feed every run and every machine the same file.
 * Four lines, a 32-bit state, good enough spread for synthetic data (not for anything secret).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
