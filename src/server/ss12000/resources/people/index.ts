// Persons, placements, duties and groups of /ss12000/v2 (one module for the resource index).
import type { Ss12000App, Ss12000Deps } from '../../http/context.js';
import { dutyResource } from './duties.js';
import { groupResource } from './groups.js';
import { personResource } from './persons.js';
import { placementResource } from './placements.js';

export function peopleResources(v2: Ss12000App, deps: Ss12000Deps) {
  for (const register of [personResource, placementResource, dutyResource, groupResource]) register(v2, deps);
}
