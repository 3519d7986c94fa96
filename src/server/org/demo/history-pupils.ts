import { DEMO_ACCOUNTS } from './accounts.js';
import type { Ctx } from './context.js';
import { abilityOf, parentsEducationLevel } from './history-model.js';
import { htBegin, type UnitProfile, vtEnd } from './history-units.js';
import { addDays, randomDate } from './identity.js';
import { BACKGROUNDS, SWEDISH, SWEDISH_CHILDREN } from './names.js';
import { addPerson, birthDateIn, givenNameFor } from './people.js';
import { stableUuid } from './random.js';
import { LANGUAGES } from './schools.js';
import { namedPersonId } from './staff.js';

/** A pupil of the history: the traits the follow-up analyses and the ability the results come from. */
export interface HistoryPupil {
  id: string;
  sex: 'F' | 'M' | null;
  /** newly_arrived_date */
  arrival: string | null;
  sva: boolean;
  /** Parents' education 1–3 and foreign background (register data; written per pupil at one unit only). */
  level: 1 | 2 | 3;
  foreign: boolean;
  ability: number;
  /** The språkval taken in years 7–9, if any. */
  language: string | null;
}

/** Newly arrived within the 4 years before the date. */
export const newlyArrivedOn = (p: HistoryPupil, date: string) => !!p.arrival && p.arrival <= date && p.arrival > addDays(date, -4 * 365);

/**
 * The year-9 pupils of school year `start` at a unit, class by class: pupils who have left (new people, an
 * enrolment at the unit from year 6 that ended with year 9's spring term). ~8 % newly arrived, ~10 % SVA.
 */
export function leftCohort(ctx: Ctx, profile: UnitProfile, start: number, classCount: number): HistoryPupil[][] {
  const { rng } = ctx;
  const bg = profile.byYear.get(start) ?? profile;
  const end = vtEnd(start);
  const classes: HistoryPupil[][] = [];
  for (let c = 0; c < classCount; c++) {
    const pupils: HistoryPupil[] = [];
    const n = rng.int(ctx.shape.classSize[0], ctx.shape.classSize[1]);
    for (let i = 0; i < n; i++) {
      const sex = rng.chance(0.5) ? 'F' : 'M';
      const arrival = rng.chance(0.08) ? randomDate(rng, addDays(end, -4 * 365 + 30), addDays(end, -60)) : null;
      const foreign = !!arrival || rng.chance(bg.foreign);
      const pool = foreign ? rng.weighted(BACKGROUNDS.slice(1)) : SWEDISH;
      const sva = !!arrival || (foreign && rng.chance(0.12));
      const id = rng.uuid();
      addPerson(ctx, {
        id, sex, givenName: givenNameFor(ctx, pool === SWEDISH ? SWEDISH_CHILDREN : pool, sex), familyName: rng.pick(pool.family),
        birthDate: birthDateIn(ctx, start - 15), kind: arrival && rng.chance(0.3) ? 'samordningsnummer' : 'personnummer',
        newlyArrivedDate: arrival, sva,
      });
      const from = htBegin(start - 3);
      ctx.ds.enrolment.add({
        id: rng.uuid(), personId: id, schoolUnitId: profile.unit.id, schoolYear: 9, schoolForm: 'GR', gradesRequested: false,
        adaptedTimetable: false, startDate: arrival && arrival > from ? arrival : from, endDate: end,
      });
      const level = parentsEducationLevel(rng, bg.education);
      const traits = { sex, level, newlyArrived: !!arrival, sva } as const;
      pupils.push({
        id, sex, arrival, sva, level, foreign, ability: abilityOf(rng, bg.education, profile.effect, traits),
        language: arrival ? null : rng.weighted<string | null>([[LANGUAGES[0], 45], [LANGUAGES[1], 22], [LANGUAGES[2], 15], [null, 18]]),
      });
    }
    classes.push(pupils);
  }
  return classes;
}

/** The named pupils (the demo pupil and the guardians' children) keep their data as it was: no history. */
const namedPupils = () => new Set([namedPersonId('elev'),
  ...DEMO_ACCOUNTS.flatMap((a) => a.children ?? []).map((c) => stableUuid(`larka-demo:person:${c.key}`))]);

/** Today's pupils of the current data, by class group id, with their traits and an ability of their own. */
export class TodaysPupils {
  private readonly members = new Map<string, string[]>();
  private readonly row = new Map<string, number>();
  private readonly known = new Map<string, HistoryPupil>();
  private readonly skip = namedPupils();

  constructor(private readonly source: Ctx) {
    const m = source.ds.membership.columns;
    for (let i = 0; i < source.ds.membership.length; i++) {
      const list = this.members.get(m.groupId[i] as string) ?? [];
      list.push(m.personId[i] as string);
      this.members.set(m.groupId[i] as string, list);
    }
    const ids = source.ds.person.columns.id;
    for (let i = 0; i < ids.length; i++) this.row.set(ids[i] as string, i);
  }

  /** The class's pupils today (named pupils left out), drawn with `ctx`'s generator the first time. */
  ofClass(ctx: Ctx, classId: string, profile: UnitProfile): HistoryPupil[] {
    return (this.members.get(classId) ?? []).filter((id) => !this.skip.has(id)).map((id) => {
      const seen = this.known.get(id);
      if (seen) return seen;
      const p = this.source.ds.person.columns;
      const i = this.row.get(id)!;
      const sex = p.sex[i] === 'F' || p.sex[i] === 'M' ? (p.sex[i] as 'F' | 'M') : null;
      const arrival = (p.newlyArrivedDate[i] as string | null) ?? null;
      const sva = !!p.swedishAsSecondLanguage[i];
      const level = parentsEducationLevel(ctx.rng, profile.education);
      const pupil: HistoryPupil = {
        id, sex, arrival, sva, level, foreign: !!arrival || sva || ctx.rng.chance(profile.foreign * 0.6), language: null,
        ability: abilityOf(ctx.rng, profile.education, profile.effect, { sex, level, newlyArrived: !!arrival, sva }),
      };
      this.known.set(id, pupil);
      return pupil;
    });
  }
}
