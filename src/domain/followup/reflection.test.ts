import { describe, expect, it } from 'vitest';
import { cleanAnswers, MAX_ANSWER_LENGTH, QUESTION_KEYS, reflectionProblem, TEACHER_QUESTIONS } from './reflection.js';

describe('the teacher questions of the general advice', () => {
  it('are the five questions for teachers of "Exempel på frågor att analysera", in its order', () => {
    expect(TEACHER_QUESTIONS.map((q) => q.text)).toEqual([
      'Vilket stöd gav sättet att dokumentera för en allsidig bedömning vid betygssättningen?',
      'Vilka delar av betygsunderlaget hade högre respektive lägre giltighet i förhållande till betygskriterierna?',
      'Hur var betygsunderlagets bredd och variation i förhållande till betygskriterierna?',
      'Hur har utformningen och genomförande av olika uppgifter fungerat?',
      'Hur ändamålsenliga har bedömningssituationerna varit för att ge ett tillräckligt brett och varierat underlag om alla elevers kunskaper?',
    ]);
    expect(new Set(QUESTION_KEYS).size).toBe(5);
  });
});

describe('a reflection may be stored', () => {
  it('answers only the questions', () => {
    expect(reflectionProblem({ documentation: 'Loggbok' }, '')).toBeNull();
    expect(reflectionProblem({ whatever: 'x' }, '')).toBe('unknown_question');
  });
  it('each answer at most 4000 characters', () => {
    expect(reflectionProblem({ tasks: 'a'.repeat(MAX_ANSWER_LENGTH) }, '')).toBeNull();
    expect(reflectionProblem({ tasks: 'a'.repeat(MAX_ANSWER_LENGTH + 1) }, '')).toBe('answer_too_long');
  });
  it('notes have a limit too', () => {
    expect(reflectionProblem({}, 'n'.repeat(8001))).toBe('notes_too_long');
  });
  it('empty answers are left out and the others trimmed, in the questions\' order', () => {
    expect(Object.entries(cleanAnswers({ situations: ' b ', documentation: 'a', tasks: '   ' }))).toEqual([['documentation', 'a'], ['situations', 'b']]);
  });
});
