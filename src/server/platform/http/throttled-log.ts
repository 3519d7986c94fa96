/**
 * A log line that can repeat a thousand times a second (every request while the database is down) is
 * written once, then at most once per interval, saying how many were left out in between.
 */
export function throttledLog(intervalMs: number, now: () => number = Date.now) {
  let last = -Infinity;
  let leftOut = 0;
  return (write: (leftOut: number) => void) => {
    const t = now();
    if (t - last < intervalMs) { leftOut++; return; }
    write(leftOut);
    last = t;
    leftOut = 0;
  };
}
