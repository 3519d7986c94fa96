// The standard's names of object types (EndPointsEnum, used by subscriptions, log and statistics entries)
// and of the deletedEntities lists, mapped to our resource names (the paths of /ss12000/v2, which are also
// the entity types of ss12000_entity). Pure functions.

/** EndPointsEnum of SS 12000 v2.1, in the order of the specification. */
export const END_POINTS = [
  'Absence', 'AttendanceEvent', 'Attendance', 'Grade', 'CalendarEvent', 'AttendanceSchedule', 'Resource', 'Room', 'Activity',
  'Duty', 'Placement', 'StudyPlan', 'Programme', 'Syllabus', 'SchoolUnitOffering', 'Group', 'Person', 'Organisation',
] as const;
export type EndPoint = typeof END_POINTS[number];

/** Our resource name (the path, and the entity type of ss12000_entity) of each object type. */
export const RESOURCE_OF_END_POINT: Record<EndPoint, string> = {
  Absence: 'absences', AttendanceEvent: 'attendanceEvents', Attendance: 'attendances', Grade: 'grades', CalendarEvent: 'calendarEvents',
  AttendanceSchedule: 'attendanceSchedules', Resource: 'resources', Room: 'rooms', Activity: 'activities', Duty: 'duties',
  Placement: 'placements', StudyPlan: 'studyplans', Programme: 'programmes', Syllabus: 'syllabuses', SchoolUnitOffering: 'schoolUnitOfferings',
  Group: 'groups', Person: 'persons', Organisation: 'organisations',
};

const END_POINT_OF_RESOURCE = new Map<string, EndPoint>(END_POINTS.map((e) => [RESOURCE_OF_END_POINT[e], e]));

export const resourceOfEndPoint = (e: EndPoint): string => RESOURCE_OF_END_POINT[e];
export const endPointOfResource = (resource: string): EndPoint | undefined => END_POINT_OF_RESOURCE.get(resource);

/** The property of DeletedEntities.data that lists deleted ids of a resource. The specification spells two
 *  of them its own way: `activitites` (sic) and `studyPlans`. */
export function deletedEntitiesKey(resource: string): string {
  if (resource === 'activities') return 'activitites';
  if (resource === 'studyplans') return 'studyPlans';
  return resource;
}
