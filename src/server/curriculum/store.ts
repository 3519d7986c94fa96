import { sql } from 'drizzle-orm';
import { one, rows, type Queryable } from '../platform/db/database.js';

type Q = Pick<Queryable, 'execute'>;

export interface VersionRow { id: string; name: string; label: string; validFrom: string }
export interface SyllabusRow { id: string; code: string; designation: string | null; name: string }
export interface StageRow { id: string; code: string; name: string; yearFrom: number; yearTo: number }
export interface ContentRow { id: string; stageId: string; heading: string; text: string; position: number }
export interface RequirementRow { id: string; stageId: string; paragraph: number; position: number; text: string; choices: Record<string, string> }

/** Curriculum versions, newest first. */
export const listVersions = (q: Q) => rows<VersionRow>(q, sql`select id, name, label, to_char(valid_from, 'YYYY-MM-DD') as "validFrom"
  from curriculum_version order by valid_from desc, name`);

/** The version offered for new plannings: the newest in force on `today`. */
export const currentVersion = (q: Q, today: string) => one<VersionRow>(q, sql`select id, name, label, to_char(valid_from, 'YYYY-MM-DD') as "validFrom"
  from curriculum_version where valid_from <= ${today}::date order by valid_from desc, name limit 1`);

/** The syllabuses of a version with the school's subject codes that follow each (MA → GRGRMAT01). */
export const listSyllabuses = (q: Q, versionId: string) => rows<SyllabusRow & { subjectCodes: string[] }>(q, sql`select s.id, s.code, s.designation, s.name,
    coalesce((select array_agg(sj.code order by sj.sort_order, sj.code) from subject sj where sj.syllabus_code = s.code), '{}') as "subjectCodes"
  from syllabus s where s.version_id = ${versionId} order by s.name, s.code`);

export const findSyllabus = (q: Q, syllabusId: string) => one<SyllabusRow & { versionId: string; versionLabel: string; description: string | null;
  purposes: { heading: string; lines: string[] }[] }>(q, sql`select s.id, s.code, s.designation, s.name, s.description, s.purposes,
    s.version_id as "versionId", v.label as "versionLabel"
  from syllabus s join curriculum_version v on v.id = s.version_id where s.id = ${syllabusId}`);

/** The syllabus of a subject in a version (by the subject's syllabus code), or undefined. */
export const syllabusOfSubject = (q: Q, versionId: string, subjectCode: string) => one<{ id: string }>(q, sql`select s.id from syllabus s
  join subject sj on sj.syllabus_code = s.code where s.version_id = ${versionId} and sj.code = ${subjectCode}`);

export const stagesOf = (q: Q, syllabusId: string) => rows<StageRow>(q, sql`select id, code, name, year_from as "yearFrom", year_to as "yearTo"
  from syllabus_stage where syllabus_id = ${syllabusId} order by year_from, year_to, code`);

export const contentOf = (q: Q, stageIds: string[]) => rows<ContentRow>(q, sql`select id, stage_id as "stageId", heading, text, position
  from central_content where stage_id = any(${sql.param(stageIds)}::uuid[]) order by stage_id, position`);

export const requirementsOf = (q: Q, stageIds: string[]) => rows<RequirementRow>(q, sql`select id, stage_id as "stageId", paragraph, position, text, choices
  from knowledge_requirement where stage_id = any(${sql.param(stageIds)}::uuid[]) order by stage_id, position`);
