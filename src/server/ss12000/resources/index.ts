// The resource modules of /ss12000/v2, each in a file of its own. Add a module here to serve it.
import type { Ss12000Resource } from '../http/context.js';
import { activityResource } from './activities.js';
import { calendarEventResource } from './calendar-events.js';
import { gradeResource } from './grades.js';
import { organisationResource } from './organisations.js';
import { peopleResources } from './people/index.js';
import { roomResource } from './rooms.js';
import { syllabusResource } from './syllabuses.js';
import { unkeptResources } from './unkept.js';

export const SS12000_MODULES: Ss12000Resource[] = [
  organisationResource,
  peopleResources,
  activityResource,
  gradeResource,
  syllabusResource,
  calendarEventResource,
  roomResource,
  unkeptResources,
];
