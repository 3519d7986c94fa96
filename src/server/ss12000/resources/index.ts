// The resource modules of /ss12000/v2, each in a file of its own. Add a module here to serve it.
import type { Ss12000Resource } from '../http/context.js';
import { organisationResource } from './organisations.js';
import { peopleResources } from './people/index.js';

export const SS12000_MODULES: Ss12000Resource[] = [
  organisationResource,
  peopleResources,
];
