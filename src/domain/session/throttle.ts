/** Failed-login throttling. Only failures count; a success clears the account's counter. */
export interface ThrottlePolicy { maxFailures: number; windowMinutes: number; lockMinutes: number }

/** An account is locked for 15 minutes after 5 failures within 15 minutes. */
export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };
/** One address may fail 30 times in 15 minutes (a school's pupils share one NAT address). */
export const IP_POLICY: ThrottlePolicy = { maxFailures: 30, windowMinutes: 15, lockMinutes: 15 };

export interface ThrottleState { failures: number; windowStart: Date; lockedUntil: Date | null }

/** The counter after one more failure at `now`: a new window starts when the old one has passed. */
export function afterFailure(state: ThrottleState | null, now: Date, policy: ThrottlePolicy): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStart.getTime() < policy.windowMinutes * 60_000;
  const failures = windowOpen ? state!.failures + 1 : 1;
  const windowStart = windowOpen ? state!.windowStart : now;
  const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : (state?.lockedUntil ?? null);
  return { failures, windowStart, lockedUntil };
}

export function isLocked(state: Pick<ThrottleState, 'lockedUntil'> | null | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil.getTime() > now.getTime();
}

export function secondsLeft(state: Pick<ThrottleState, 'lockedUntil'>, now: Date): number {
  return Math.max(1, Math.ceil(((state.lockedUntil?.getTime() ?? 0) - now.getTime()) / 1000));
}
