/**
 * What of a person's address and contact the pupil page shows (skyddade personuppgifter, DOMAIN.md §2):
 * nothing of a person with protected registration; and for a pupil with protected registration not the
 * address of their guardians either — they usually live with the child, so it is the child's address too.
 */
import { contactVisible, type SecurityMarking } from '../register/people.js';

/** 'all': address, e-mail and phone; 'no_address': e-mail and phone only; 'none': nothing ("Skyddad"). */
export type ContactShown = 'all' | 'no_address' | 'none';

export const pupilContactShown = (pupil: SecurityMarking): ContactShown => (contactVisible(pupil) ? 'all' : 'none');

export function guardianContactShown(guardian: SecurityMarking, pupil: SecurityMarking): ContactShown {
  if (!contactVisible(guardian)) return 'none';
  return contactVisible(pupil) ? 'all' : 'no_address';
}

export interface Contact { email: string | null; phone: string | null; streetAddress: string | null; postalCode: string | null; city: string | null }

/** The contact as it may leave the server: null for 'none', without the address for 'no_address'. */
export function maskContact(contact: Contact, shown: ContactShown): Contact | null {
  if (shown === 'none') return null;
  return shown === 'all' ? contact : { ...contact, streetAddress: null, postalCode: null, city: null };
}
