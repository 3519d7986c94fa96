import { sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PDFDocument } from 'pdf-lib';
import { z } from 'zod';
import { svCollator } from '../../domain/org/sorting.js';
import { inForce } from '../platform/access/access.js';
import type { Actor } from '../platform/access/actor.js';
import { rows, type Db } from '../platform/db/database.js';
import { forbidden, notFound } from '../platform/http/errors.js';
import { actorOf } from '../platform/http/request-context.js';
import { authErrors, ErrorBody, Uuid } from '../platform/http/schemas.js';
import { loadGradingTerms, termLabel } from './terms.js';

/** A class's current grade documents in bulk: one PDF per pupil in a ZIP, or all of them in one PDF to print. */
export function documentBundleService(db: Db) {
  async function documents(actor: Actor, kind: 'term' | 'final', classId: string) {
    if (actor.role !== 'administrator' && actor.role !== 'principal') throw forbidden();
    const terms = await loadGradingTerms(db, actor.organiserId, actor.today);
    if (!terms) throw notFound('No term');
    const docs = await rows<{ family_name: string; given_name: string; content: Uint8Array }>(db, sql`
      select p.family_name, p.given_name, d.content
        from grade_document d
        join person p on p.organiser_id = d.organiser_id and p.id = d.pupil_id
        join group_membership m on m.organiser_id = d.organiser_id and m.person_id = d.pupil_id and m.group_id = ${classId}
         and ${inForce(sql`m.start_date`, sql`m.end_date`, actor.today)}
        join student_group g on g.organiser_id = m.organiser_id and g.id = m.group_id and g.group_type = 'class' and g.school_unit_id = ${actor.unitId}
       where d.organiser_id = ${actor.organiserId} and d.school_unit_id = ${actor.unitId} and d.kind = ${kind}
         and d.term_id = ${terms.current.id} and d.superseded_at is null`);
    if (docs.length === 0) throw notFound('No grade documents for that class');
    docs.sort((a, b) => svCollator.compare(a.family_name, b.family_name) || svCollator.compare(a.given_name, b.given_name));
    const label = kind === 'final' ? 'slutbetyg' : `terminsbetyg-${termLabel(terms.current).replace(' ', '')}`;
    return { docs, label };
  }

  return {
    async zip(actor: Actor, kind: 'term' | 'final', classId: string) {
      const { docs, label } = await documents(actor, kind, classId);
      const files: Record<string, Uint8Array> = {};
      for (const d of docs) {
        let name = `${d.family_name}_${d.given_name}_${label}.pdf`.replace(/[\\/:*?"<>|\s]+/g, '_');
        for (let i = 2; files[name]; i++) name = name.replace(/(_\d+)?\.pdf$/, `_${i}.pdf`);
        files[name] = new Uint8Array(d.content);
      }
      return { body: Buffer.from(zipSync(files, { level: 0 })), filename: `${label}.zip` };
    },
    /** All the class's documents after each other, exactly as made and signed, to print at once. */
    async combined(actor: Actor, kind: 'term' | 'final', classId: string) {
      const { docs, label } = await documents(actor, kind, classId);
      const merged = await PDFDocument.create();
      merged.setTitle(`Betygsdokument ${label}`);
      merged.setLanguage('sv-SE');
      for (const d of docs) {
        const source = await PDFDocument.load(d.content);
        for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
      }
      return { body: Buffer.from(await merged.save()), filename: `${label}.pdf` };
    },
  };
}

export const documentBundleRoutes = (service: ReturnType<typeof documentBundleService>): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/grading/documents/bundle', { config: { access: { roles: ['administrator', 'principal'] }, scope: 'actor' },
    schema: { tags: ['grading'], summary: 'A class\'s grade documents: one PDF per pupil in a ZIP, or one combined PDF',
      querystring: z.object({ kind: z.enum(['term', 'final']), classId: Uuid, format: z.enum(['zip', 'pdf']) }),
      response: { 200: z.any(), ...authErrors, 404: ErrorBody } },
  }, async (req, reply) => {
    const { kind, classId, format } = req.query;
    const out = format === 'zip' ? await service.zip(actorOf(req), kind, classId) : await service.combined(actorOf(req), kind, classId);
    return reply.type(format === 'zip' ? 'application/zip' : 'application/pdf')
      .header('content-disposition', `attachment; filename="${out.filename}"`).send(out.body);
  });
};
