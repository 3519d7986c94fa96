import { describe, expect, it } from 'vitest';
import {
  addressOf, assignmentRoleOf, contactDetailsServed, dutyRoleOf, groupTypeOf, groupTypesFrom, isMobileNumber, personStatusOf, rolesOfDutyRole,
  schoolTypeOf, securityMarkingOf, sexOf,
} from './mapping.js';

describe('our values as the SS 12000 code lists', () => {
  it('sex: F is Kvinna, M is Man, X and no value are Okänt', () => {
    expect([sexOf('F'), sexOf('M'), sexOf('X'), sexOf(null)]).toEqual(['Kvinna', 'Man', 'Okänt', 'Okänt']);
  });
  it('security marking: none is Ingen, confidential Sekretessmarkering, protected Skyddad folkbokföring', () => {
    expect(['none', 'confidential', 'protected'].map(securityMarkingOf)).toEqual(['Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring']);
    expect(() => securityMarkingOf('secret')).toThrow();
  });
  it('person status: active is Aktiv; inactive has no register status and is left out', () => {
    expect(personStatusOf('active')).toBe('Aktiv');
    expect(personStatusOf('inactive')).toBeUndefined();
  });
  it('duty role: teacher Lärare, principal Rektor, administrator Skoladministratör, analyst and student health Annan personal with their field', () => {
    expect(dutyRoleOf('teacher')).toEqual({ dutyRole: 'Lärare' });
    expect(dutyRoleOf('principal')).toEqual({ dutyRole: 'Rektor' });
    expect(dutyRoleOf('administrator')).toEqual({ dutyRole: 'Skoladministratör' });
    expect(dutyRoleOf('analyst')).toEqual({ dutyRole: 'Annan personal', description: 'Analytiker' });
    expect(dutyRoleOf('student_health')).toEqual({ dutyRole: 'Annan personal', description: 'Elevhälsa' });
    expect(rolesOfDutyRole('Annan personal').sort()).toEqual(['analyst', 'student_health']);
    expect(rolesOfDutyRole('Kurator')).toEqual([]);
  });
  it('group type: class Klass, teaching Undervisning, mentor Mentor, and back for the filter', () => {
    expect(['class', 'teaching', 'mentor'].map(groupTypeOf)).toEqual(['Klass', 'Undervisning', 'Mentor']);
    expect(groupTypesFrom(['Klass', 'Provgrupp'])).toEqual(['class']);
  });
  it('assignment role: a mentor is Mentor; teaching is no assignment role (the standard uses Activity)', () => {
    expect(assignmentRoleOf('mentor')).toBe('Mentor');
    expect(assignmentRoleOf('teacher')).toBeNull();
  });
  it('school type: our forms are the standard codes; an unknown form is Annan undervisning', () => {
    expect([schoolTypeOf('GR'), schoolTypeOf('GRS'), schoolTypeOf('XYZ')]).toEqual(['GR', 'GRS', 'AU']);
  });
});

describe('contact details', () => {
  it('protected registration: only a person without a security marking has addresses, e-mail and phone numbers served', () => {
    expect(contactDetailsServed('Ingen')).toBe(true);
    expect(contactDetailsServed('Sekretessmarkering')).toBe(false);
    expect(contactDetailsServed('Skyddad folkbokföring')).toBe(false);
  });
  it('a Swedish mobile number starts with 07 or +467', () => {
    expect(['072-951 84 02', '+46 70 123 45 67', '0046701234567'].map(isMobileNumber)).toEqual([true, true, true]);
    expect(['010-123 32 07', '08-123 456'].map(isMobileNumber)).toEqual([false, false]);
  });
  it('an address needs street, postal code and locality', () => {
    expect(addressOf('Storgatan 1', '123 45', 'Lärkby')).toEqual({ type: 'Folkbokföring', streetAddress: 'Storgatan 1', postalCode: '123 45', locality: 'Lärkby', country: 'Sverige' });
    expect(addressOf('Storgatan 1', null, 'Lärkby')).toBeNull();
  });
});
