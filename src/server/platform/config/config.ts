import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded PGlite database (used when databaseUrl is absent). */
  dataDir: string;
  /** postgres://… of a PostgreSQL server; when set, the embedded database is not used. */
  databaseUrl: string | null;
  organiserName: string;
  /** Whether LARKA_ORGANISER_NAME was given (then it renames an existing organiser). */
  organiserNameSet: boolean;
  organiserContact: string | null;
  /** Demo preset seeded into an empty database; 'none' seeds nothing. */
  seedPreset: 'demo' | 'none';
  sessionHours: number;
  /** Connections to a PostgreSQL server (not used by the embedded database). */
  poolSize: number;
  secureCookies: boolean;
  logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.LARKA_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    organiserName: env.LARKA_ORGANISER_NAME ?? 'Lärkby kommun',
    organiserNameSet: !!env.LARKA_ORGANISER_NAME,
    organiserContact: env.LARKA_ORGANISER_CONTACT ?? 'Skolkontoret, 010-123 45 00, skolkontoret@larkby.example',
    seedPreset: env.LARKA_SEED === 'none' ? 'none' : 'demo',
    sessionHours: Number(env.LARKA_SESSION_HOURS ?? 8),
    poolSize: Number(env.LARKA_DB_POOL ?? 20),
    secureCookies: env.LARKA_SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
