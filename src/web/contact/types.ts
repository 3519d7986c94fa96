// GET/PUT /api/me/contact.
export interface ContactPair {
  email: string | null;
  phone: string | null;
}

export interface Contact {
  personal: ContactPair;
  work: ContactPair | null;
  version: number;
}
