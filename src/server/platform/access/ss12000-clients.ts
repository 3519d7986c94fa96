// Who may read and write what through the SS 12000 interface: the rules for API clients, beside the
// rules for people (access.ts). Every /ss12000/v2 route names its resource (config.ss12000) and the
// interface's hook asks clientMay; every query of a resource is limited to clientUnitIds.

/** The SS 12000 resources an administrator can grant a client, by the names of the standard's paths. */
export const SS12000_RESOURCES = [
  'organisations', 'persons', 'placements', 'duties', 'groups', 'programmes', 'studyplans', 'syllabuses',
  'schoolUnitOfferings', 'activities', 'calendarEvents', 'attendances', 'attendanceEvents', 'attendanceSchedules',
  'absences', 'aggregatedAttendance', 'grades', 'resources', 'rooms',
] as const;
export type Ss12000Resource = typeof SS12000_RESOURCES[number];

/** Resources every authenticated client may use: its own subscriptions, the deletions of what it may read,
 *  and reporting log and statistics entries back to us. */
export const SS12000_CLIENT_SERVICES = ['subscriptions', 'deletedEntities', 'log', 'statistics'] as const;
export type Ss12000Service = typeof SS12000_CLIENT_SERVICES[number];

/** The resources a client with write permission may write: attendance and reported absence. */
export const SS12000_WRITABLE: readonly Ss12000Resource[] = ['attendances', 'attendanceEvents', 'absences'];

/** An authenticated API client as the interface sees it on every request (read fresh from the database,
 *  so that a revoked client or a narrowed grant takes effect at once). */
export interface ApiClientPrincipal {
  organiserId: string;
  /** api_client.id */
  id: string;
  clientId: string;
  name: string;
  /** null = every unit of the organiser */
  unitIds: string[] | null;
  resources: Ss12000Resource[];
  writeAttendance: boolean;
}

export type Ss12000Access = { resource: Ss12000Resource | Ss12000Service; write?: boolean };

/** May this client use this route? Reading needs the resource granted; writing also needs the write
 *  permission and a writable resource. The client services are open to every client. */
export function clientMay(client: ApiClientPrincipal, access: Ss12000Access): boolean {
  if ((SS12000_CLIENT_SERVICES as readonly string[]).includes(access.resource)) return true;
  const resource = access.resource as Ss12000Resource;
  if (!client.resources.includes(resource)) return false;
  if (!access.write) return true;
  return client.writeAttendance && SS12000_WRITABLE.includes(resource);
}

/** The units whose data the client may see; null = all units of its organiser. Every query filters by it. */
export const clientUnitIds = (client: ApiClientPrincipal): string[] | null => client.unitIds;

export function clientSeesUnit(client: ApiClientPrincipal, unitId: string | null): boolean {
  if (client.unitIds === null) return true;
  return unitId !== null && client.unitIds.includes(unitId);
}

/** The resource types of a client's grant that deletedEntities and subscriptions may speak of. */
export const clientResourceTypes = (client: ApiClientPrincipal): Ss12000Resource[] => client.resources;
