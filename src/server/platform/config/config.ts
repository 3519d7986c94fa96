import path from 'node:path';
import { readOidcSettings, type OidcSettings } from '../../../domain/oidc/provider-config.js';

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
  /** A session unused this long ends (idle timeout). */
  sessionIdleMinutes: number;
  /** Behind a reverse proxy: which proxies to trust for the client address and https (Fastify's
   *  trustProxy: true, or addresses/CIDRs, comma-separated); false when none. */
  trustProxy: boolean | string;
  /** Connections to a PostgreSQL server (not used by the embedded database). */
  poolSize: number;
  secureCookies: boolean;
  logLevel: string;
  /** Login with e-ID (LARKA_OIDC_PROVIDERS and LARKA_OIDC_<ID>_…, LARKA_PUBLIC_URL; see README). */
  oidc: OidcSettings;
  /** LARKA_NOW: an ISO instant the clock starts at and runs forward from (a testing and demonstration aid); null: the real time. */
  now: Date | null;
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
    sessionIdleMinutes: Number(env.LARKA_SESSION_IDLE_MINUTES ?? 60),
    trustProxy: parseTrustProxy(env.LARKA_TRUST_PROXY),
    poolSize: Number(env.LARKA_DB_POOL ?? 20),
    secureCookies: env.LARKA_SECURE_COOKIES === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    oidc: readOidcSettings(env),
    now: parseNow(env.LARKA_NOW),
  };
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  return value; // addresses or CIDRs, comma-separated
}

function parseNow(value: string | undefined): Date | null {
  if (!value) return null;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) throw new Error(`LARKA_NOW must be an ISO instant (e.g. 2026-11-23T08:00:00+01:00), got ${value}`);
  return at;
}
