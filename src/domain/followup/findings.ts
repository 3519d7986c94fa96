/**
 * The principal's findings on deviations between grades and national test grades, and the measures decided
 * (Skolverket's general advice on follow-up, ch. 4: "Om avvikelser förekommer" and "Exempel på insatser").
 *
 * - A finding concerns the unit, a group, a teacher's groups or a pupil group; the principal assesses whether
 *   the deviation is justified (motiverad), unjustified, or still being investigated, and records the cause.
 * - A measure has a kind, a description and a follow-up date (not in the past when decided); it is followed
 *   up on a day with what came of it.
 * - An unjustified finding without any measure needs one; a measure is due when its follow-up date has come
 *   and it has not been followed up.
 */
export const TARGET_KINDS = ['unit', 'group', 'teacher', 'pupil_group'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const ASSESSMENTS = ['justified', 'unjustified', 'investigating'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const MEASURE_KINDS = ['co_assessment', 'competence_development', 'regulations', 'test_consultation',
  'organisation', 'resources', 'teaching_development', 'other'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** The kinds of measures in Swedish, as the general advice words them. */
export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  co_assessment: 'Sambedömning',
  competence_development: 'Kompetensutveckling i betyg och betygssättning',
  regulations: 'Insikt i föreskrifterna',
  test_consultation: 'Samråd om hur provresultat ska beaktas',
  organisation: 'Se över organisationen',
  resources: 'Särskilda resurser',
  teaching_development: 'Utveckla undervisningen',
  other: 'Annan insats',
};

export const ASSESSMENT_LABELS: Record<Assessment, string> = {
  justified: 'Motiverad avvikelse',
  unjustified: 'Omotiverad avvikelse',
  investigating: 'Utreds',
};

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  unit: 'Skolenheten', group: 'Undervisningsgrupp', teacher: 'Lärare', pupil_group: 'Elevgrupp',
};

export type FindingProblem = 'no_target_ref' | 'unit_has_no_ref' | 'no_label';
export type MeasureProblem = 'no_description' | 'follow_up_in_past' | 'followed_up_in_future' | 'no_outcome';

/** A finding names its target: a unit finding has no reference, every other kind has one; a label is given. */
export function findingProblem(f: { targetKind: TargetKind; targetRef: string | null; targetLabel: string }): FindingProblem | null {
  if (!f.targetLabel.trim()) return 'no_label';
  if (f.targetKind === 'unit') return f.targetRef ? 'unit_has_no_ref' : null;
  return f.targetRef?.trim() ? null : 'no_target_ref';
}

/**
 * A measure needs a description and a follow-up date not before today (when the date is set or moved). A
 * follow-up is recorded on a day that has come, with an outcome.
 */
export function measureProblem(
  m: { description: string; followUpDate: string; followedUpOn?: string | null; outcome?: string },
  today: string,
  opts: { followUpDateChanged: boolean } = { followUpDateChanged: true },
): MeasureProblem | null {
  if (!m.description.trim()) return 'no_description';
  if (opts.followUpDateChanged && m.followUpDate < today) return 'follow_up_in_past';
  if (m.followedUpOn) {
    if (m.followedUpOn > today) return 'followed_up_in_future';
    if (!m.outcome?.trim()) return 'no_outcome';
  }
  return null;
}

/** A measure is due when its follow-up date has come and it has not been followed up. */
export const isMeasureDue = (m: { followUpDate: string; followedUpOn: string | null }, today: string): boolean =>
  m.followedUpOn === null && m.followUpDate <= today;

export type MeasureState = 'followed_up' | 'due' | 'planned';
export const measureState = (m: { followUpDate: string; followedUpOn: string | null }, today: string): MeasureState =>
  m.followedUpOn ? 'followed_up' : isMeasureDue(m, today) ? 'due' : 'planned';

/** An unjustified deviation without any measure needs a measure (shown as such to the principal). */
export const needsMeasure = (f: { assessment: Assessment; measures: readonly unknown[] }): boolean =>
  f.assessment === 'unjustified' && f.measures.length === 0;

/**
 * The order of a list of findings: those needing attention first (a due measure, or an unjustified finding
 * without a measure), then by the earliest open follow-up date, then newest school year, then by label (sv).
 */
export function findingOrder<F extends { assessment: Assessment; schoolYear: string; targetLabel: string;
  measures: readonly { followUpDate: string; followedUpOn: string | null }[] }>(findings: readonly F[], today: string): F[] {
  const sv = new Intl.Collator('sv');
  const attention = (f: F) => needsMeasure(f) || f.measures.some((m) => isMeasureDue(m, today));
  const nextDate = (f: F) => f.measures.filter((m) => !m.followedUpOn).map((m) => m.followUpDate).sort()[0] ?? '9999-12-31';
  return [...findings].sort((a, b) => Number(attention(b)) - Number(attention(a))
    || nextDate(a).localeCompare(nextDate(b)) || b.schoolYear.localeCompare(a.schoolYear) || sv.compare(a.targetLabel, b.targetLabel));
}
