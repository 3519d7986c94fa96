import { describe, expect, it } from 'vitest';
import { csvField, fileName, table } from './export.js';

describe('the export of "Mina elever"', () => {
  it('CSV fields holding a semicolon, a quote or a line break are quoted', () => {
    expect(csvField('Öberg')).toBe('Öberg');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('säger "hej"')).toBe('"säger ""hej"""');
    expect(csvField('rad 1\nrad 2')).toBe('"rad 1\nrad 2"');
    expect(csvField(null)).toBe('');
  });
  it('a text Excel would run as a formula is defused; a phone number is left as it is', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('+46 70 123 45 67')).toBe('+46 70 123 45 67');
    expect(csvField('-cmd')).toBe("'-cmd");
  });
  it('dates are written as YYYY-MM-DD in CSV', () => {
    expect(csvField(new Date('2012-03-04T00:00:00Z'))).toBe('2012-03-04');
  });
  it('a protected pupil\'s contact cells say "Skyddad"; birth dates are dates', () => {
    const t = table({ columns: ['birthDate', 'email', 'guardianPhones'], pupils: [{ id: 'x', givenName: 'Åsa', familyName: 'Öberg', protected: true,
      birthDate: '2012-03-04', email: null, guardians: [{ name: 'Anna Öberg', phone: null, protected: true }] }] });
    expect(t.headers).toEqual(['Efternamn', 'Förnamn', 'Födelsedatum', 'E-post', 'Vårdnadshavares telefon']);
    expect(t.rows[0]).toEqual(['Öberg', 'Åsa', new Date('2012-03-04T00:00:00Z'), 'Skyddad', 'Skyddad']);
  });
  it('the file is named after the group and the day, without characters a file system refuses', () => {
    expect(fileName({ name: '9A' }, '2026-11-22', 'xlsx')).toBe('Mina elever – 9A – 2026-11-22.xlsx');
    expect(fileName({ name: 'EN 7/8' }, '2026-11-22', 'csv')).toBe('Mina elever – EN 7 8 – 2026-11-22.csv');
    expect(fileName(null, '2026-11-22', 'csv')).toBe('Mina elever – 2026-11-22.csv');
  });
});
