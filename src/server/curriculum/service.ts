import type { Actor } from '../platform/access/actor.js';
import type { Db, Queryable } from '../platform/db/database.js';
import { notFound } from '../platform/http/errors.js';
import { contentOf, currentVersion, findSyllabus, listSyllabuses, listVersions, requirementsOf, stagesOf, type ContentRow } from './store.js';

/** Central content of a stage under its headings, in the syllabus's order. */
export function underHeadings(content: Pick<ContentRow, 'id' | 'heading' | 'text'>[]) {
  const headings: { heading: string; items: { id: string; text: string }[] }[] = [];
  for (const c of content) {
    const last = headings[headings.length - 1];
    if (last && last.heading === c.heading) last.items.push({ id: c.id, text: c.text });
    else headings.push({ heading: c.heading, items: [{ id: c.id, text: c.text }] });
  }
  return headings;
}

/** One syllabus in full: purpose, stages with central content under headings and the knowledge requirements. */
export async function syllabusDetail(q: Pick<Queryable, 'execute'>, syllabusId: string) {
  const s = await findSyllabus(q, syllabusId);
  if (!s) return undefined;
  const stages = await stagesOf(q, syllabusId);
  const ids = stages.map((st) => st.id);
  const [content, requirements] = ids.length ? await Promise.all([contentOf(q, ids), requirementsOf(q, ids)]) : [[], []];
  return {
    ...s,
    stages: stages.map((st) => ({
      ...st,
      content: underHeadings(content.filter((c) => c.stageId === st.id)),
      requirements: requirements.filter((r) => r.stageId === st.id).map(({ stageId: _s, position: _p, ...r }) => r),
    })),
  };
}

/**
 * Kursplaner: the curriculum as reference data. Public text, so any signed-in person may read it; it is the
 * same for every organiser and names no one.
 */
export function curriculumService(db: Db) {
  return {
    async versions(actor: Actor) {
      const [all, current] = await Promise.all([listVersions(db), currentVersion(db, actor.today)]);
      return all.map((v) => ({ ...v, current: v.id === current?.id }));
    },
    async syllabuses(versionId: string) {
      const versions = await listVersions(db);
      const version = versions.find((v) => v.id === versionId);
      if (!version) throw notFound('Curriculum version not found');
      return { version, syllabuses: await listSyllabuses(db, versionId) };
    },
    async syllabus(syllabusId: string) {
      const s = await syllabusDetail(db, syllabusId);
      if (!s) throw notFound('Syllabus not found');
      return s;
    },
  };
}
