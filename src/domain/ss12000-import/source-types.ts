/**
 * The SS 12000 v2.1 entities as another source sends them, only the properties the import reads. Every
 * property but the id is optional here: a source may leave out what the standard requires, and the mapping
 * rejects the record with a reason instead of failing the run.
 */
export interface SsRef { id: string; displayName?: string }

export interface SsOrganisation {
  id: string; displayName?: string; organisationType?: string; schoolUnitCode?: string; schoolTypes?: string[];
  municipalityCode?: string; email?: string; phoneNumber?: string;
  address?: { streetAddress?: string; postalCode?: string; locality?: string };
}

export interface SsEnrolment {
  enroledAt?: SsRef; schoolYear?: number; schoolType?: string; startDate?: string; endDate?: string; cancelled?: boolean;
}

export interface SsPerson {
  id: string; givenName?: string; familyName?: string; civicNo?: { value?: string }; birthDate?: string;
  sex?: string; securityMarking?: string; personStatus?: string;
  emails?: { value?: string; type?: string }[];
  phoneNumbers?: { value?: string; type?: string; mobile?: boolean }[];
  addresses?: { type?: string; streetAddress?: string; postalCode?: string; locality?: string }[];
  enrolments?: SsEnrolment[];
  responsibles?: { person?: SsRef; relationType?: string }[];
}

export interface SsGroup {
  id: string; displayName?: string; groupType?: string; startDate?: string; endDate?: string; organisation?: SsRef;
  groupMemberships?: { person?: SsRef; startDate?: string; endDate?: string }[];
}

export interface SsDuty {
  id: string; person?: SsRef; dutyAt?: SsRef; dutyRole?: string; description?: string; startDate?: string; endDate?: string;
  assignmentRole?: { group?: SsRef; assignmentRoleType?: string; startDate?: string; endDate?: string }[];
}

export interface SsActivity {
  id: string; displayName?: string; startDate?: string; endDate?: string; groups?: SsRef[]; syllabus?: SsRef;
  organisation?: SsRef; teachers?: { duty?: SsRef; startDate?: string; endDate?: string; grader?: boolean }[];
}

export interface SsSyllabus { id: string; subjectCode?: string; subjectDesignation?: string }

/** /deletedEntities: the ids per resource deleted since the time asked. */
export type SsDeleted = Partial<Record<'persons' | 'groups' | 'duties' | 'organisations' | 'activities' | 'activitites', string[]>>;
