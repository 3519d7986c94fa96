import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../../platform/db/database.js';
import { calendarService } from './calendar.js';
import { calendarRoutes } from './calendar-routes.js';
import { settingsRoutes, settingsService } from './settings.js';
import { unitRoutes, unitService } from './units.js';

/** Running the organisation: school units, school years and terms with holidays, the organiser's settings. */
export const organisationRoutes = (db: Db): FastifyPluginAsync => async (app) => {
  await app.register(unitRoutes(unitService(db)));
  await app.register(calendarRoutes(calendarService(db)));
  await app.register(settingsRoutes(settingsService(db)));
};
