const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Sweden at this instant, as YYYY-MM-DD (school days follow Swedish time). */
export function swedishDate(at: Date): string {
  return stockholmDate.format(at);
}

/** A clock: the server asks it for the time so tests can fix it. */
export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and runs forward with the real time (a testing and demonstration aid). */
export function clockFrom(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}
