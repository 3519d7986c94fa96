import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../../domain/common/dates.js';
import type { ApiClientPrincipal, Ss12000Access } from '../../platform/access/ss12000-clients.js';
import type { Db } from '../../platform/db/database.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The SS 12000 resource a /ss12000/v2 route serves and whether it writes; the interface's hook asks
     *  clientMay (platform/access/ss12000-clients.ts) before anything else. Required on every such route. */
    ss12000?: Ss12000Access;
  }
  interface FastifyRequest {
    /** The API client of a /ss12000/v2 request, set by the interface's hook. */
    apiClient: ApiClientPrincipal | null;
  }
}

/** What the resource modules of the interface get. */
export interface Ss12000Deps {
  db: Db;
  clock: Clock;
  organiserId: string;
  /** The key that signs page tokens. */
  pageKey: () => Promise<Uint8Array>;
}

/** What a resource's query function gets for one request. */
export interface Ss12000Context {
  client: import('../../platform/access/ss12000-clients.js').ApiClientPrincipal;
  db: Db;
  organiserId: string;
  now: Date;
  /** expandReferenceNames: references carry displayName */
  withNames: boolean;
}

export type Ss12000App = FastifyInstance;

/** A resource module: registers its routes on the /ss12000/v2 scope. */
export type Ss12000Resource = (v2: Ss12000App, deps: Ss12000Deps) => void;
