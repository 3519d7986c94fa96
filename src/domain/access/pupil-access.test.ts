import { describe, expect, it } from 'vitest';
import { mayViewPupil, subjectScope, type PupilRelations } from './pupil-access.js';

const none: PupilRelations = { isSelf: false, isGuardian: false, enrolledAtActorUnit: false, taughtByActor: false, mentoredByActor: false };
const r = (over: Partial<PupilRelations>) => ({ ...none, ...over });

describe('who may see a pupil', () => {
  it('a pupil sees themself and no other pupil', () => {
    expect(mayViewPupil('pupil', r({ isSelf: true }))).toBe(true);
    expect(mayViewPupil('pupil', r({ enrolledAtActorUnit: true, taughtByActor: true }))).toBe(false);
  });
  it('a guardian sees their own child and not another family\'s', () => {
    expect(mayViewPupil('guardian', r({ isGuardian: true }))).toBe(true);
    expect(mayViewPupil('guardian', r({ enrolledAtActorUnit: true }))).toBe(false);
  });
  it('a teacher sees pupils of the groups they teach or the class they mentor, not the whole unit', () => {
    expect(mayViewPupil('teacher', r({ taughtByActor: true }))).toBe(true);
    expect(mayViewPupil('teacher', r({ mentoredByActor: true }))).toBe(true);
    expect(mayViewPupil('teacher', r({ enrolledAtActorUnit: true }))).toBe(false);
  });
  it('administrator and principal see the pupils of their current unit only', () => {
    expect(mayViewPupil('administrator', r({ enrolledAtActorUnit: true }))).toBe(true);
    expect(mayViewPupil('principal', r({ enrolledAtActorUnit: false, isGuardian: false }))).toBe(false);
  });
  it('the organiser analyst never sees an individual pupil', () => {
    expect(mayViewPupil('analyst', r({ enrolledAtActorUnit: true, taughtByActor: true }))).toBe(false);
  });
  it('a mentor sees all subjects, a teacher who is not mentor only the subjects they teach', () => {
    expect(subjectScope('teacher', r({ mentoredByActor: true }))).toBe('all');
    expect(subjectScope('teacher', r({ taughtByActor: true }))).toBe('taught');
    expect(subjectScope('teacher', none)).toBe('none');
  });
});
