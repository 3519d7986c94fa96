import { describe, expect, it } from 'vitest';
import { defaultContext, holdsContext, type RoleGrant } from './roles.js';

const A = { id: 'unit-a', name: 'Björkskolan' };
const B = { id: 'unit-b', name: 'Eksätraskolan' };

describe('roles and context', () => {
  it('a person with staff and guardian roles starts as staff', () => {
    const grants: RoleGrant[] = [{ role: 'guardian', units: [] }, { role: 'teacher', units: [B, A] }];
    expect(defaultContext(grants)).toEqual({ role: 'teacher', unitId: 'unit-b' });
  });
  it('a guardian starts as guardian without a unit', () => {
    expect(defaultContext([{ role: 'guardian', units: [] }])).toEqual({ role: 'guardian', unitId: null });
  });
  it('a person without any role gets no context', () => {
    expect(defaultContext([])).toBeNull();
  });
  it('a teacher may switch to a unit where they hold a duty', () => {
    const grants: RoleGrant[] = [{ role: 'teacher', units: [A, B] }];
    expect(holdsContext(grants, { role: 'teacher', unitId: 'unit-b' })).toBe(true);
  });
  it('a teacher may not switch to a unit where they hold no duty', () => {
    expect(holdsContext([{ role: 'teacher', units: [A] }], { role: 'teacher', unitId: 'unit-b' })).toBe(false);
  });
  it('a role that is not held cannot be taken, whatever the client says', () => {
    expect(holdsContext([{ role: 'teacher', units: [A] }], { role: 'principal', unitId: 'unit-a' })).toBe(false);
  });
  it('a unit role needs a unit, and a role without units takes none', () => {
    expect(holdsContext([{ role: 'teacher', units: [A] }], { role: 'teacher', unitId: null })).toBe(false);
    expect(holdsContext([{ role: 'guardian', units: [] }], { role: 'guardian', unitId: 'unit-a' })).toBe(false);
  });
});
