/**
 * A guard against super-linear parsers that holds on noisy machines: it compares the time of
 * a large input with that of a small one (a ratio, never an absolute time), taking the fastest
 * of interleaved batches (other load only ever adds time) and of up to three tries.
 */

export const MAX_SLOWDOWN = 50;

/** How many calls of `f` take at least 3 ms, so that the clock's resolution does not matter. */
function repsFor(f: () => void): number {
  let reps = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) f();
    if (performance.now() - t >= 3 || reps >= 1 << 16) return reps;
    reps *= 2;
  }
}

/** The time of one call, from a batch of `reps` calls. */
function batch(f: () => void, reps: number): number {
  const t = performance.now();
  for (let i = 0; i < reps; i++) f();
  return (performance.now() - t) / reps;
}

/**
 * Times of one call of `small` and of `large`: the fastest of interleaved batches (other load
 * only ever adds time), and of up to three tries, so that a busy machine does not fail the
 * check while a super-linear parser still does.
 */
export function measure(small: () => void, large: () => void): { small: number; large: number } {
  let best = { small: 0, large: Number.POSITIVE_INFINITY };
  for (let attempt = 0; attempt < 3 && best.large >= MAX_SLOWDOWN * best.small; attempt++) {
    const repsSmall = repsFor(small);
    const repsLarge = repsFor(large);
    let tSmall = Number.POSITIVE_INFINITY;
    let tLarge = Number.POSITIVE_INFINITY;
    for (let s = 0; s < 5; s++) {
      tSmall = Math.min(tSmall, batch(small, repsSmall));
      tLarge = Math.min(tLarge, batch(large, repsLarge));
    }
    if (tLarge / tSmall < best.large / best.small) best = { small: tSmall, large: tLarge };
  }
  return best;
}
