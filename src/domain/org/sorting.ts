/** Swedish alphabetical order (å ä ö last), numbers by value so "9A" comes after "10" never before "1". */
export const svCollator = new Intl.Collator('sv', { numeric: true });

export const byName = <T extends { name: string }>(a: T, b: T) => svCollator.compare(a.name, b.name);

/** Family name first, then given name, as Swedish class lists are ordered. */
export const byPersonName = <T extends { familyName: string; givenName: string }>(a: T, b: T) =>
  svCollator.compare(a.familyName, b.familyName) || svCollator.compare(a.givenName, b.givenName);
