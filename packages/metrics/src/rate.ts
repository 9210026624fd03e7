/**
 * Bits per second between two readings of a byte counter, or undefined when no honest rate
 * exists: no earlier reading, time that did not move forward, or a counter that went down
 * (a reset, for example a replaced track), which must re-baseline rather than go negative.
 */
export function bitrateBps(
  previous: { bytes: number; timestampMs: number } | undefined,
  current: { bytes: number; timestampMs: number },
): number | undefined {
  if (!previous) return undefined;
  const elapsedMs = current.timestampMs - previous.timestampMs;
  const bytes = current.bytes - previous.bytes;
  if (elapsedMs <= 0 || bytes < 0) return undefined;
  return (bytes * 8 * 1000) / elapsedMs;
}
