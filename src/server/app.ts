import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyContextConfig, type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../domain/common/dates.js';
import type { Database } from './platform/db/database.js';
import { registerAccessHook } from './platform/http/access-hook.js';
import { registerErrorHandler, registerNotFound } from './platform/http/error-handler.js';
import { healthRoutes } from './platform/http/health.js';
import { registerWeb } from './platform/http/web.js';
import { ss12000Routes } from './ss12000/http/plugin.js';
import { apiClientRoutes } from './ss12000/admin/clients-routes.js';
import { apiClientService } from './ss12000/admin/clients-service.js';
import { webhookDelivery } from './ss12000/webhooks/delivery.js';
import { ss12000ImportRoutes } from './ss12000/import/import-routes.js';
import { ss12000ImportService } from './ss12000/import/import-service.js';
import { contactRoutes, contactService } from './org/contact.js';
import { delegationRoutes, delegationService } from './org/delegations.js';
import { groupRoutes, groupService } from './org/groups.js';
import { assessmentService } from './grading/assessment-service.js';
import { confirmService } from './grading/confirm-service.js';
import { periodService } from './grading/period-service.js';
import { registerService } from './grading/register-service.js';
import { gradingRoutes } from './grading/routes.js';
import { catalogueRoutes } from './grading/catalogue-routes.js';
import { catalogueService } from './grading/catalogue-service.js';
import { correctionService } from './grading/correction-service.js';
import { disagreementRoutes, disagreementService } from './grading/disagreement-service.js';
import { documentBundleRoutes, documentBundleService } from './grading/document-bundle.js';
import { documentRoutes } from './grading/document-routes.js';
import { documentService } from './grading/document-service.js';
import { handedOutRoutes, handedOutService } from './grading/handed-out.js';
import { historyExportRoutes, historyExportService } from './grading/history-export.js';
import { pupilSummaryRoutes, pupilSummaryService } from './pupils/pupil-summary.js';
import { pupilRecordRoutes, pupilRecordService } from './pupils/pupil-record.js';
import { myPupilsRoutes } from './my-pupils/routes.js';
import { myPupilsService } from './my-pupils/service.js';
import { rolloverRoutes } from './register/rollover-routes.js';
import { rolloverService } from './register/rollover-service.js';
import { peopleHistoryService } from './register/people/history.js';
import { peopleRoutes } from './register/people/routes.js';
import { peopleService } from './register/people/service.js';
import { registerExport } from './register/import/export-register.js';
import { importRoutes } from './register/import/import-routes.js';
import { importService } from './register/import/import-service.js';
import { organisationRoutes } from './register/organisation/routes.js';
import { preferenceRoutes, preferenceService } from './session/preferences.js';
import { sessionRoutes } from './session/routes.js';
import { sessionService } from './session/session-service.js';
import { startRoutes } from './start/routes.js';
import { nationalTestRoutes } from './national-tests/routes.js';
import { nationalTestService } from './national-tests/service.js';
import { resultsImportRoutes } from './national-tests/import/routes.js';
import { resultsImportService } from './national-tests/import/results-import.js';
import { followupDataRoutes } from './followup/background/routes.js';
import { backgroundService } from './followup/background/service.js';
import { referenceService } from './followup/reference/service.js';
import { consentRoutes } from './portal/consent-routes.js';
import { consentService } from './portal/consent-service.js';
import { startService } from './start/start-service.js';
import { accountService } from './accounts/account-service.js';
import { accountRoutes } from './accounts/routes.js';
import { ownPasswordRoutes, ownPasswordService } from './accounts/own-password.js';
import { groupAdminRoutes } from './register/groups/group-routes.js';
import { groupAdminService } from './register/groups/group-service.js';
import { membershipService } from './register/groups/membership-service.js';
import { groupReportRoutes } from './register/groups/report-routes.js';
import { groupReportService } from './register/groups/report-service.js';
import { oidcRoutes } from './oidc/routes.js';
import { oidcService } from './oidc/oidc-service.js';
import type { OidcSettings } from '../domain/oidc/provider-config.js';
import { absenceReportRoutes } from './absence-reports/routes.js';
import { absenceReportService } from './absence-reports/service.js';
import { leaveRoutes } from './leave/routes.js';
import { leaveService } from './leave/service.js';
import { noticeRoutes } from './notices/routes.js';
import { noticeService } from './notices/service.js';
import { sameDayNoticeWorker, sameDayNotices, type SameDayNotices } from './notices/same-day.js';
import { readMailConfig, type MailConfig } from './platform/mail/config.js';
import { mailSender, type MailSender } from './platform/mail/sender.js';
import { attendanceRoutes } from './attendance/routes.js';
import { attendanceService, type AttendanceOptions } from './attendance/service.js';
import { timetableRoutes } from './timetable/routes.js';
import { timetableService } from './timetable/service.js';
import { absenceRoutes } from './absence/routes.js';
import { pupilAbsenceService } from './absence/pupil-absence.js';
import { absenceOverviewService } from './absence/overview.js';
import { actionProgrammeRoutes } from './action-programmes/routes.js';
import { actionProgrammeService } from './action-programmes/service.js';
import { supportDeadlineService } from './pupil-support/deadlines.js';
import { absenceSettingsService } from './absence/settings.js';
import { investigationService } from './absence/investigations.js';
import { curriculumRoutes } from './curriculum/routes.js';
import { curriculumService } from './curriculum/service.js';
import { planningRoutes } from './planning/routes.js';
import { planningService } from './planning/service.js';
import { developmentTalkRoutes } from './development-talks/routes.js';
import { developmentTalkService } from './development-talks/talks.js';
import { extraAdaptationRoutes } from './extra-adaptations/routes.js';
import { extraAdaptationService } from './extra-adaptations/adaptations.js';
import { assessmentRoutes } from './assessment/routes.js';
import { followupReportRoutes } from './followup/report-routes.js';
import { followupReportService } from './followup/report-service.js';
import { followupExpectedService } from './followup/expected-service.js';
import { followupExportService } from './followup/export-service.js';
import { assessmentMatrixService } from './assessment/service.js';
import { assessmentScaleService } from './assessment/scale.js';
import { findingRoutes } from './followup/findings-routes.js';
import { findingService } from './followup/findings-service.js';
import { reflectionRoutes } from './followup/reflection-routes.js';
import { reflectionService } from './followup/reflection-service.js';

/** A registered route as the guard-rail tests enumerate it (app.routeTable): never a hand-kept list. */
export interface RegisteredRoute {
  method: string;
  url: string;
  config: FastifyContextConfig;
  /** The route's zod schemas (params, querystring, body, response), when it has them. */
  schema?: { params?: unknown; querystring?: unknown; body?: unknown; response?: unknown; hide?: boolean };
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RegisteredRoute[];
    /** The same-day notice of invalid absence (the roll-call calls it in its save) and the mail sender. */
    sameDayNotices: SameDayNotices;
    mail: MailSender;
  }
}

export interface AppOptions {
  database: Database;
  clock: Clock;
  organiser: { id: string; name: string; contact: string | null };
  sessionHours: number;
  /** A session unused this long ends (default 60 minutes). */
  sessionIdleMinutes?: number;
  secureCookies: boolean;
  isReady?: () => boolean;
  logLevel?: string;
  /** Where the log goes (default stdout); tests read it to check what is never logged. */
  logStream?: NodeJS.WritableStream;
  /** Folder of the built web app; omitted in API tests. */
  webRoot?: string | null;
  trustProxy?: boolean | string;
  /** Login with e-ID through OpenID Connect (off when absent or without providers). */
  oidc?: OidcSettings;
  /** SMTP for e-mail notices; default from the environment (LARKA_SMTP_URL, LARKA_MAIL_FROM). */
  mail?: MailConfig;
  /** Options of the roll call (e.g. the same-day notice of invalid absence). */
  attendance?: AttendanceOptions;
  /** Background jobs (same-day notices, the mail outbox); default on. Off in tests that must see every
   *  write as the effect of a request (the fuzzer): the queues then simply wait. */
  backgroundJobs?: boolean;
}

export const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'], ...(opts.logStream ? { stream: opts.logStream } : {}) },
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // errors of Fastify's router (a malformed URL, a path parameter too long) in the house shape too
    frameworkErrors: (err, _req, reply) => {
      void (reply as FastifyReply).status(err.statusCode ?? 400).send({ error: { code: String(err.code ?? 'bad_request').toLowerCase(), message: err.message } });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'], connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Lärka API', version: '0.1.0', description: 'School administration for Swedish schools' } },
    transform: jsonSchemaTransform,
  });
  // Every /api route declares who may call it and whose data it answers with (config.access and
  // config.scope), or the server refuses to start. The docs UI's own routes (static assets of the
  // interactive docs) are public by declaration. The route table is kept for the guard-rail tests.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') route.config = { ...(route.config ?? {}), access: 'public', scope: 'none' };
    const declared = (route.config ?? {}) as FastifyContextConfig;
    if (route.url.startsWith('/api/') && (declared.access === undefined || declared.scope === undefined)) {
      throw new Error(`route ${route.method} ${route.url} has no access declaration (config.access and config.scope)`);
    }
    // the SS 12000 interface: every resource route names its resource (the token route is the only other)
    if (route.url.startsWith('/ss12000/') && route.url !== '/ss12000/v2/*' && declared.ss12000 === undefined && route.url !== '/ss12000/oauth/token') {
      throw new Error(`route ${route.method} ${route.url} has no SS 12000 access declaration (config.ss12000)`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, config: (route.config ?? {}) as FastifyContextConfig, schema: route.schema as RegisteredRoute['schema'] });
    }
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { url: '/api/openapi.json' } as any });

  const { db } = opts.database;
  const sessions = sessionService({ db, clock: opts.clock, organiser: opts.organiser, sessionHours: opts.sessionHours, idleMinutes: opts.sessionIdleMinutes ?? 60 });
  registerAccessHook(app, { sessions, clock: opts.clock, organiserId: opts.organiser.id });

  await app.register(healthRoutes({ isReady: opts.isReady ?? (() => true), ping: opts.database.ping }));
  await app.register(sessionRoutes({ sessions, sessionHours: opts.sessionHours, secureCookies: opts.secureCookies, organiser: opts.organiser }));
  const oidc = opts.oidc ?? { providers: [], publicUrl: null };
  await app.register(oidcRoutes({ oidc: oidcService({ db, clock: opts.clock, organiserId: opts.organiser.id, sessions, settings: oidc, warn: (d, m) => app.log.warn(d, m) }),
    publicUrl: oidc.publicUrl, sessionHours: opts.sessionHours, secureCookies: opts.secureCookies }));
  await app.register(startRoutes(startService({ db, organiserName: opts.organiser.name })));
  await app.register(contactRoutes(contactService(db)));
  await app.register(preferenceRoutes(preferenceService(db)));
  await app.register(groupRoutes(groupService(db)));
  await app.register(delegationRoutes(delegationService(db)));
  await app.register(gradingRoutes({ register: registerService(db), confirm: confirmService(db), assessment: assessmentService(db), periods: periodService(db) }));
  await app.register(catalogueRoutes({ catalogue: catalogueService(db), correction: correctionService(db) }));
  await app.register(documentRoutes(documentService(db, opts.organiser.name)));
  await app.register(documentBundleRoutes(documentBundleService(db)));
  await app.register(handedOutRoutes(handedOutService(db)));
  await app.register(historyExportRoutes(historyExportService(db)));
  await app.register(disagreementRoutes(disagreementService(db)));
  await app.register(pupilSummaryRoutes(pupilSummaryService(db)));
  await app.register(pupilRecordRoutes(pupilRecordService(db)));
  await app.register(myPupilsRoutes(myPupilsService(db)));
  await app.register(rolloverRoutes(rolloverService(db)));
  await app.register(peopleRoutes(peopleService(db), peopleHistoryService(db)));
  await app.register(accountRoutes(accountService({ db, organiserName: opts.organiser.name, forgetAccount: sessions.forgetAccount })));
  await app.register(ownPasswordRoutes(ownPasswordService({ db, sessions, organiserId: opts.organiser.id, sessionHours: opts.sessionHours, secureCookies: opts.secureCookies }), opts));
  await app.register(groupAdminRoutes(groupAdminService(db), membershipService(db)));
  await app.register(groupReportRoutes(groupReportService(db)));
  await app.register(importRoutes(importService(db), registerExport(db)));
  await app.register(organisationRoutes(db));
  await app.register(nationalTestRoutes(nationalTestService(db)));
  await app.register(resultsImportRoutes(resultsImportService(db)));
  await app.register(followupDataRoutes(backgroundService(db), referenceService(db)));
  await app.register(consentRoutes(consentService(db)));
  // absence reports, leave and same-day notices; mail is sent after commit, never in a request
  const mail = mailSender({ db, config: opts.mail ?? readMailConfig(), log: app.log });
  app.decorate('mail', mail);
  app.decorate('sameDayNotices', sameDayNotices({ afterWrite: mail.kick }));
  const jobs = opts.backgroundJobs !== false;
  if (jobs) app.addHook('onReady', async () => mail.start()); else await mail.stop();
  app.addHook('onClose', async () => mail.stop());
  await app.register(absenceReportRoutes(absenceReportService(db)));
  await app.register(leaveRoutes(leaveService(db)));
  await app.register(noticeRoutes(noticeService(db)));
  await app.register(timetableRoutes(timetableService(db)));
  // a roll call that records invalid absence tells the guardians the same day (in its transaction)
  const noticeWorker = sameDayNoticeWorker({ db, log: app.log, afterWrite: mail.kick });
  if (jobs) app.addHook('onReady', async () => noticeWorker.start()); else await noticeWorker.stop();
  app.addHook('onClose', async () => noticeWorker.stop());
  await app.register(attendanceRoutes(attendanceService(db, { afterInvalidAbsence: noticeWorker.kick, ...opts.attendance })));
  await app.register(absenceRoutes({ pupil: pupilAbsenceService(db), overview: absenceOverviewService(db), settings: absenceSettingsService(db), investigations: investigationService(db) }));
  await app.register(actionProgrammeRoutes(actionProgrammeService(db), supportDeadlineService(db)));
  await app.register(curriculumRoutes(curriculumService(db)));
  await app.register(planningRoutes(planningService(db)));
  await app.register(developmentTalkRoutes(developmentTalkService(db), db));
  await app.register(extraAdaptationRoutes(extraAdaptationService(db)));
  await app.register(assessmentRoutes({ matrix: assessmentMatrixService(db), scale: assessmentScaleService(db) }));
  const followupReports = followupReportService(db);
  await app.register(followupReportRoutes({ report: followupReports, expected: followupExpectedService(db), exports: followupExportService(followupReports) }));
  await app.register(reflectionRoutes(reflectionService(db)));
  await app.register(findingRoutes(findingService(db)));

  await app.register(ss12000Routes({ db, clock: opts.clock, organiserId: opts.organiser.id }));
  await app.register(apiClientRoutes(apiClientService(db)));
  // SS 12000 subscriptions: the subscribers are told of changes by a timer, never in a request
  const webhooks = webhookDelivery({ db, log: app.log });
  if (jobs) app.addHook('onReady', async () => webhooks.start()); else await webhooks.stop();
  app.addHook('onClose', async () => webhooks.stop());
  const ss12000Import = ss12000ImportService(db, opts.clock, app.log);
  app.addHook('onClose', async () => { await ss12000Import.settled(); });
  await app.register(ss12000ImportRoutes(ss12000Import));

  app.get('/api/openapi.json', { config: { access: 'public', scope: 'none' }, schema: { hide: true } }, async () => app.swagger());
  registerNotFound(app, opts.webRoot ? await registerWeb(app, opts.webRoot) : false);
  return app;
}
