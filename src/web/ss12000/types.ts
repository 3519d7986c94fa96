import { SS12000_RESOURCES } from '../../server/platform/access/ss12000-clients';

/** The SS 12000 resources an administrator can grant (the standard's path names). */
export const GRANTABLE = SS12000_RESOURCES;
export type Resource = (typeof GRANTABLE)[number];
/** The resources a client with write permission may write. */
export const WRITABLE: readonly Resource[] = ['attendances', 'attendanceEvents', 'absences'];

export interface ApiClient {
  id: string;
  clientId: string;
  name: string;
  /** null = every unit */
  units: { id: string; name: string }[] | null;
  resources: Resource[];
  writeAttendance: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  version: number;
}

export interface ApiClientFields {
  name: string;
  unitIds: string[] | null;
  resources: Resource[];
  writeAttendance: boolean;
}

/** A client with its secret: the answer of creating one or giving it a new secret, the only time it is shown. */
export interface WithSecret { client: ApiClient; secret: string }
