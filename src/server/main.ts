import { clockFrom, systemClock } from '../domain/common/dates.js';
import { buildApp, defaultWebRoot } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { readConfig } from './platform/config/config.js';
import { deleteExpiredSessions } from './session/session-store.js';

/** Starts Lärka: database (embedded PGlite or DATABASE_URL), migrations, demo data on first start, HTTP. */
async function main() {
  const started = Date.now();
  const config = readConfig();
  const log = (msg: string) => console.log(`[larka] ${msg}`);
  log(config.databaseUrl ? 'using PostgreSQL from DATABASE_URL' : `using the embedded database in ${config.dataDir}`);
  const clock = config.now ? clockFrom(config.now) : systemClock;
  if (config.now) log(`LARKA_NOW: the clock starts at ${config.now.toISOString()}`);
  const { database, organiser } = await prepareDatabase(config, clock, log);
  const app = await buildApp({
    database, clock, organiser, sessionHours: config.sessionHours, sessionIdleMinutes: config.sessionIdleMinutes,
    secureCookies: config.secureCookies, trustProxy: config.trustProxy,
    logLevel: config.logLevel, webRoot: defaultWebRoot, oidc: config.oidc,
  });
  const sweep = setInterval(() => void deleteExpiredSessions(database.db).catch((err) => app.log.warn({ err }, 'session sweep failed')), 3600_000);
  sweep.unref();
  await deleteExpiredSessions(database.db);
  const address = await app.listen({ port: config.port, host: config.host });
  log(`${organiser.name}: ready at ${address.replace('0.0.0.0', 'localhost')} after ${Date.now() - started} ms`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await app.close();
    // Handlers whose clients already went away may still be finishing a query: give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error('[larka] failed to start:', err);
  process.exit(1);
});
