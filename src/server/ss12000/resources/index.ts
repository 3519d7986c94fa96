// The resource modules of /ss12000/v2, each in a file of its own. Add a module here to serve it.
import type { Ss12000Resource } from '../http/context.js';
import { absenceResource } from './absences.js';
import { activityResource } from './activities.js';
import { aggregatedAttendanceResource } from './aggregated-attendance.js';
import { attendanceEventResource } from './attendance-events.js';
import { attendanceResource } from './attendances.js';
import { calendarEventResource } from './calendar-events.js';
import { clientReportResource } from './client-reports.js';
import { deletedEntitiesResource } from './deleted-entities.js';
import { gradeResource } from './grades.js';
import { organisationResource } from './organisations.js';
import { peopleResources } from './people/index.js';
import { roomResource } from './rooms.js';
import { subscriptionResource } from './subscriptions.js';
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
  attendanceResource,
  attendanceEventResource,
  absenceResource,
  aggregatedAttendanceResource,
  subscriptionResource,
  deletedEntitiesResource,
  clientReportResource,
];
