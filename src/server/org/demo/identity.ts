import { luhnCheckDigit } from '../../../domain/org/personnummer.js';
import { asciiName, STREETS } from './names.js';
import type { Rng } from './random.js';

export type CivicKind = 'personnummer' | 'samordningsnummer' | 'temporary';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Issues unique, valid, fictitious civic numbers consistent with birth date and sex. */
export class CivicNumbers {
  private used = new Set<string>();

  reserve(civicNo: string): void {
    this.used.add(civicNo);
  }

  /** birthDate YYYY-MM-DD; sex 'F' | 'M' (9th digit even / odd). */
  issue(rng: Rng, birthDate: string, sex: 'F' | 'M', kind: CivicKind): string {
    const [y, m, d] = birthDate.split('-');
    for (let attempt = 0; attempt < 2000; attempt++) {
      let n: string;
      if (kind === 'temporary') {
        n = `${y}${m}${d}TF${pad(rng.int(0, 99))}`;
      } else {
        const day = kind === 'samordningsnummer' ? pad(Number(d) + 60) : d;
        const serial = pad(rng.int(0, 99));
        let sexDigit = rng.int(0, 4) * 2 + (sex === 'M' ? 1 : 0);
        if (serial === '00' && sexDigit === 0) sexDigit = 2; // 000 is not a birth number
        const nine = `${y.slice(2)}${m}${day}${serial}${sexDigit}`;
        n = `${y.slice(0, 2)}${nine}${luhnCheckDigit(nine)}`;
      }
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
    throw new Error(`no free civic number on ${birthDate}`);
  }
}

/** A random date in [from, to] (YYYY-MM-DD, inclusive). */
export function randomDate(rng: Rng, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86400000)) * 86400000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

export interface Address { streetAddress: string; postalCode: string; city: string }

export function randomAddress(rng: Rng): Address {
  const street = rng.pick(STREETS);
  const no = rng.int(1, 60);
  const letter = rng.chance(0.15) ? ` ${rng.pick(['A', 'B', 'C'])}` : '';
  const flat = rng.chance(0.3) ? ` lgh ${rng.int(10, 14)}0${rng.int(1, 4)}` : '';
  return { streetAddress: `${street} ${no}${letter}${flat}`, postalCode: `745 ${rng.int(30, 69)}`, city: 'Lärkby' };
}

/** A Swedish mobile number in the usual written form, 070-123 45 67. */
export function mobilePhone(rng: Rng): string {
  return `07${rng.pick(['0', '2', '3', '6'])}-${rng.int(100, 999)} ${pad(rng.int(0, 99))} ${pad(rng.int(0, 99))}`;
}

/** A switchboard-style work number of the municipality. */
export function workPhone(rng: Rng): string {
  return `010-123 ${rng.int(10, 99)} ${pad(rng.int(0, 99))}`;
}

export function privateEmail(rng: Rng, given: string, family: string): string {
  const sep = rng.pick(['.', '', '_']);
  const suffix = rng.chance(0.4) ? String(rng.int(1, 99)) : '';
  return `${asciiName(given)}${sep}${asciiName(family)}${suffix}@example.se`;
}

/** Unique work e-mail addresses at the municipality's example domain. */
export class WorkEmails {
  private used = new Set<string>();

  issue(given: string, family: string): string {
    const base = `${asciiName(given)}.${asciiName(family)}`;
    let candidate = `${base}@larkby.example`;
    for (let i = 2; this.used.has(candidate); i++) candidate = `${base}${i}@larkby.example`;
    this.used.add(candidate);
    return candidate;
  }
}
