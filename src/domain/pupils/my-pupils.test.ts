import { describe, expect, it } from 'vitest';
import { columnSet, defaultColumns, formatAddress, MY_PUPIL_COLUMNS, parseColumns, presentPupil, type PupilFacts, type PupilPlacement } from './my-pupils.js';

const pupil: PupilFacts = {
  id: 'p1', givenName: 'Åke', familyName: 'Öberg', civicNo: '201003142383', birthDate: '2010-03-14', securityMarking: 'none',
  email: 'ake@example.se', phone: '070-111 22 33', streetAddress: 'Storgatan 1', postalCode: '123 45', city: 'Lärkby',
};
const placement: PupilPlacement = {
  className: '9A', groups: ['9A MA', '9AB SVA'],
  guardians: [
    { givenName: 'Örjan', familyName: 'Öberg', phone: '070-222 33 44', securityMarking: 'none' },
    { givenName: 'Anna', familyName: 'Öberg', phone: '070-333 44 55', securityMarking: 'none' },
  ],
};

describe('the columns of "Mina elever"', () => {
  it("without a choice a teacher's list shows class, groups and personnummer", () => {
    expect(parseColumns(undefined, 'teacher')).toEqual({ ok: true, columns: ['className', 'groups', 'civicNo'] });
    expect(defaultColumns('teacher')).toEqual(['className', 'groups', 'civicNo']);
  });
  it("without a choice the administrator's and principal's list (the whole unit) shows class and personnummer", () => {
    for (const role of ['administrator', 'principal']) expect(parseColumns(undefined, role)).toEqual({ ok: true, columns: ['className', 'civicNo'] });
  });
  it('an empty choice shows the names only', () => {
    expect(parseColumns('', 'teacher')).toEqual({ ok: true, columns: [] });
  });
  it('chosen columns come in the fixed order, each once, whatever order they were sent in', () => {
    expect(parseColumns('phone,className,phone,guardians', 'teacher')).toEqual({ ok: true, columns: ['className', 'phone', 'guardians'] });
    expect(columnSet(['address', 'civicNo', 42, 'nonsense'])).toEqual(['civicNo', 'address']);
    expect(columnSet([...MY_PUPIL_COLUMNS].reverse())).toEqual([...MY_PUPIL_COLUMNS]);
  });
  it('an unknown column is refused by name', () => {
    expect(parseColumns('className,salary', 'teacher')).toEqual({ ok: false, unknown: ['salary'] });
  });
});

describe('a row carries only the columns asked for', () => {
  it('the name and the protection flag always; nothing else unless chosen', () => {
    expect(presentPupil(pupil, placement, [])).toEqual({ id: 'p1', givenName: 'Åke', familyName: 'Öberg', protected: false });
  });
  it('guardians in Swedish order, groups as given (already ordered); the address on one line', () => {
    const row = presentPupil(pupil, placement, ['groups', 'address', 'guardians', 'guardianPhones']);
    expect(row.groups).toEqual(['9A MA', '9AB SVA']);
    expect(row.address).toBe('Storgatan 1, 123 45 Lärkby');
    expect(row.guardians).toEqual([
      { name: 'Anna Öberg', phone: '070-333 44 55', protected: false },
      { name: 'Örjan Öberg', phone: '070-222 33 44', protected: false },
    ]);
  });
  it('guardians without the phone column carry no phone', () => {
    expect(presentPupil(pupil, placement, ['guardians']).guardians?.[0]).toEqual({ name: 'Anna Öberg', protected: false });
  });
  it('an address of only a town, or nothing, is shown as such', () => {
    expect(formatAddress(null, null, 'Lärkby')).toBe('Lärkby');
    expect(formatAddress(null, null, null)).toBeNull();
  });
});

describe('protected registration masks address and contact', () => {
  const hidden: PupilFacts = { ...pupil, securityMarking: 'protected' };
  const all = [...MY_PUPIL_COLUMNS];
  it('a protected pupil is listed with name, class, groups and personnummer, never e-mail, phone or address', () => {
    const row = presentPupil(hidden, placement, all);
    expect(row).toMatchObject({ protected: true, className: '9A', civicNo: '201003142383', email: null, phone: null, address: null });
    expect(JSON.stringify(row)).not.toMatch(/ake@example|070-111|Storgatan|123 45/);
  });
  it('the guardians of a protected pupil are masked likewise (their phone would lead to the pupil)', () => {
    const row = presentPupil(hidden, placement, all);
    expect(row.guardians).toEqual([
      { name: 'Anna Öberg', phone: null, protected: true },
      { name: 'Örjan Öberg', phone: null, protected: true },
    ]);
  });
  it('a guardian with protected registration is masked even when the pupil is not', () => {
    const row = presentPupil(pupil, { ...placement, guardians: [{ ...placement.guardians[0], securityMarking: 'protected' }] }, all);
    expect(row.protected).toBe(false);
    expect(row.guardians).toEqual([{ name: 'Örjan Öberg', phone: null, protected: true }]);
  });
  it('a pupil with a confidentiality marking (not protected registration) is shown in full', () => {
    expect(presentPupil({ ...pupil, securityMarking: 'confidential' }, placement, all)).toMatchObject({ protected: false, email: 'ake@example.se' });
  });
});
