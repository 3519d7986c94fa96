/**
 * The teacher's reflection on a group's grades against the national test: the questions Skolverket's general
 * advice on follow-up (ch. 4, "Exempel på frågor att analysera — Frågor för lärare") puts to teachers, word for
 * word. Each has a stable key, under which the answer is stored.
 */
export const TEACHER_QUESTIONS = [
  { key: 'documentation', text: 'Vilket stöd gav sättet att dokumentera för en allsidig bedömning vid betygssättningen?' },
  { key: 'validity', text: 'Vilka delar av betygsunderlaget hade högre respektive lägre giltighet i förhållande till betygskriterierna?' },
  { key: 'breadth', text: 'Hur var betygsunderlagets bredd och variation i förhållande till betygskriterierna?' },
  { key: 'tasks', text: 'Hur har utformningen och genomförande av olika uppgifter fungerat?' },
  { key: 'situations', text: 'Hur ändamålsenliga har bedömningssituationerna varit för att ge ett tillräckligt brett och varierat underlag om alla elevers kunskaper?' },
] as const;

export type QuestionKey = (typeof TEACHER_QUESTIONS)[number]['key'];
export const QUESTION_KEYS: readonly QuestionKey[] = TEACHER_QUESTIONS.map((q) => q.key);

/** The longest answer to one question, and the longest notes. */
export const MAX_ANSWER_LENGTH = 4000;
export const MAX_NOTES_LENGTH = 8000;

export type ReflectionProblem = 'unknown_question' | 'answer_too_long' | 'notes_too_long';

/** Whether the answers may be stored (null = they may): only the questions' keys, each at most 4000 characters. */
export function reflectionProblem(answers: Record<string, string>, notes: string): ReflectionProblem | null {
  for (const [key, text] of Object.entries(answers)) {
    if (!(QUESTION_KEYS as readonly string[]).includes(key)) return 'unknown_question';
    if (text.length > MAX_ANSWER_LENGTH) return 'answer_too_long';
  }
  if (notes.length > MAX_NOTES_LENGTH) return 'notes_too_long';
  return null;
}

/** The answers as stored: trimmed, empty answers left out, in the questions' order. */
export function cleanAnswers(answers: Record<string, string>): Partial<Record<QuestionKey, string>> {
  const out: Partial<Record<QuestionKey, string>> = {};
  for (const key of QUESTION_KEYS) {
    const text = answers[key]?.trim();
    if (text) out[key] = text;
  }
  return out;
}
