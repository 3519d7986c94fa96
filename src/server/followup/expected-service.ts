import { sql } from 'drizzle-orm';
import { fitLocalModel, LOCAL_MODEL_MIN_UNITS, predict, PUBLISHED_MERIT_MODEL, type ModelCoefficients, type UnitBackgroundInput } from '../../domain/followup/expected-value.js';
import { figuresFor } from '../../domain/followup/reference-file.js';
import { meanInterval } from '../../domain/followup/stats.js';
import { figure } from '../../domain/followup/suppression.js';
import { meritValue, type FinalGrade } from '../../domain/grading/merit.js';
import type { GradeStep } from '../../domain/grading/scale.js';
import { requireAction } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { rows, type Db } from '../platform/db/database.js';
import { currentReference } from './reference.js';
import { unitBackgrounds, unitNames } from './report-queries.js';
import { checkSchoolYear } from './report-service.js';
import type { ExpectedReportT } from './report-schemas.js';

/** One unit's year-9 pupils of a school year, as sums (merit value: meritValue() over each pupil's final grades). */
export interface UnitResults { unitId: string; pupils: number; meritSum: number; meritSquares: number; passingAll: number; boys: number; newlyArrived: number }

/** Sums per unit from the pupils' final grades (pure: the pupils come from SQL). */
export function unitResults(pupils: readonly { unit_id: string; sex: string | null; newly: boolean; grades: string[] }[]): Map<string, UnitResults> {
  const out = new Map<string, UnitResults>();
  for (const p of pupils) {
    const grades: FinalGrade[] = p.grades.map((g) => { const [subjectCode, value] = g.split(':'); return { subjectCode, value: value as GradeStep }; });
    const merit = meritValue(grades);
    const u = out.get(p.unit_id) ?? { unitId: p.unit_id, pupils: 0, meritSum: 0, meritSquares: 0, passingAll: 0, boys: 0, newlyArrived: 0 };
    u.pupils++; u.meritSum += merit; u.meritSquares += merit * merit;
    if (grades.every((g) => g.value !== 'F' && g.value !== '-')) u.passingAll++;
    if (p.sex === 'M') u.boys++;
    if (p.newly) u.newlyArrived++;
    out.set(p.unit_id, u);
  }
  return out;
}

const toArray = (v: string[] | string): string[] => (Array.isArray(v) ? v : v.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((s) => s.replace(/^"|"$/g, '')));

/** Expected value (SALSA-style): each unit's merit value and share passing all subjects against the model. */
export function followupExpectedService(db: Db) {
  return {
    async report(actor: Actor, wanted: string | null): Promise<ExpectedReportT> {
      requireAction(actor, 'followup.view');
      checkSchoolYear(wanted);
      const years = (await rows<{ school_year: string }>(db, sql`select distinct t.school_year from grade gr
        join student_group sg on sg.organiser_id = gr.organiser_id and sg.id = gr.group_id and sg.school_year = 9
        join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id and t.kind = 'VT'
        where gr.organiser_id = ${actor.organiserId} and gr.kind = 'final' and gr.value is not null`)).map((r) => r.school_year).sort().reverse();
      const schoolYear = wanted ?? years[0] ?? '';
      const pupils = await rows<{ unit_id: string; sex: string | null; newly: boolean; grades: string[] | string }>(db, sql`
        select sg.school_unit_id as unit_id, p.sex, coalesce(p.newly_arrived_date > t.end_date - interval '4 years', false) as newly,
          array_agg(gr.subject_code || ':' || gr.value) as grades
        from grade gr
        join student_group sg on sg.organiser_id = gr.organiser_id and sg.id = gr.group_id and sg.school_year = 9
        join term t on t.organiser_id = gr.organiser_id and t.id = gr.term_id and t.kind = 'VT' and t.school_year = ${schoolYear}
        join person p on p.organiser_id = gr.organiser_id and p.id = gr.pupil_id
        where gr.organiser_id = ${actor.organiserId} and gr.kind = 'final' and gr.value is not null
        group by sg.school_unit_id, gr.pupil_id, p.sex, p.newly_arrived_date, t.end_date`);
      const results = unitResults(pupils.map((p) => ({ ...p, grades: toArray(p.grades) })));
      const [names, backgrounds, reference] = await Promise.all([unitNames(db, actor.organiserId), unitBackgrounds(db, actor.organiserId, null),
        currentReference(db, actor.organiserId)]);
      const bgOf = new Map(backgrounds.filter((b) => b.school_year === schoolYear).map((b) => [b.unit_id, b]));
      const units = [...results.values()].map((r) => {
        const b = bgOf.get(r.unitId);
        const background = {
          parentsEducation: b?.parents_education ?? null, foreignBackgroundShare: b?.foreign_background_share ?? null,
          boysShare: b?.boys_share ?? (r.pupils > 0 ? r.boys / r.pupils : null),
          newlyArrivedShare: b?.newly_arrived_share ?? (r.pupils > 0 ? r.newlyArrived / r.pupils : null),
          source: b?.source ?? null,
        };
        const input: UnitBackgroundInput | null = background.parentsEducation === null || background.boysShare === null || background.newlyArrivedShare === null
          ? null : { parentsEducation: background.parentsEducation, boysShare: background.boysShare, newlyArrivedShare: background.newlyArrivedShare };
        return { r, background, input };
      });
      const withData = units.filter((u) => u.input && u.r.pupils > 0);
      const localMerit = withData.length >= LOCAL_MODEL_MIN_UNITS ? fitLocalModel(withData.map((u) => ({ y: u.r.meritSum / u.r.pupils, bg: u.input! }))) : null;
      const localPassing = localMerit ? fitLocalModel(withData.map((u) => ({ y: u.r.passingAll / u.r.pupils, bg: u.input! }))) : null;
      const model: ModelCoefficients = localMerit?.coefficients ?? PUBLISHED_MERIT_MODEL;
      const collator = new Intl.Collator('sv');
      const visible = actor.role === 'analyst' ? units : units.filter((u) => u.r.unitId === actor.unitId);
      return {
        schoolYear, schoolYears: years,
        model: localMerit ? 'local' : 'published',
        modelDescription: localMerit
          ? `Lokal regression över huvudmannens ${localMerit.units} enheter ${schoolYear} (R² = ${localMerit.r2.toFixed(2).replace('.', ',')}): meritvärde mot föräldrarnas utbildningsnivå, andel pojkar och andel nyanlända.`
          : `${PUBLISHED_MERIT_MODEL.source}. Färre än ${LOCAL_MODEL_MIN_UNITS} enheter med underlag: Skolverkets publicerade modell används.`,
        local: localMerit ? { units: localMerit.units, r2: localMerit.r2, coefficients: { ...localMerit.coefficients } } : null,
        units: visible.map(({ r, background, input }) => {
          const n = r.pupils;
          const merit = n > 0 ? r.meritSum / n : null;
          const expected = input ? predict(model, input) : null;
          const ci = n >= 10 ? meanInterval(n, r.meritSum, r.meritSquares) : null;
          const expectedPassing = input && localPassing ? predict(localPassing.coefficients, input) : null;
          const passing = n > 0 ? r.passingAll / n : null;
          return {
            id: r.unitId, name: names.get(r.unitId) ?? r.unitId, pupils: figure(n, n),
            meritValue: figure(merit, n), passingAll: figure(passing, n), background,
            expectedMerit: figure(expected, n), residualMerit: figure(merit !== null && expected !== null ? merit - expected : null, n),
            meritCi: ci ? [ci.low, ci.high] as [number, number] : null,
            expectedPassing: figure(expectedPassing, n),
            residualPassing: figure(passing !== null && expectedPassing !== null ? passing - expectedPassing : null, n),
            clear: ci && expected !== null ? (expected < ci.low ? 'above' as const : expected > ci.high ? 'below' as const : null) : null,
          };
        }).sort((a, b) => collator.compare(a.name, b.name)),
        reference: figuresFor(reference.file, 9, null).map((f) => ({ measure: f.measure, schoolYear: f.schoolYear, value: f.value, source: f.source })),
      };
    },
  };
}
