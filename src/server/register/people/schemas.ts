import { z } from 'zod';
import { PERSON_KINDS, SECURITY_MARKINGS, UNIT_STAFF_ROLES } from '../../../domain/register/people.js';
import { IsoDate, StoredText } from '../../platform/http/schemas.js';

/** Input of the people register (the administrator's forms) and what it answers with. */

const Name = StoredText.trim().min(1).max(100);
/** Blank means none. */
const Optional = (max: number) => StoredText.trim().max(max).transform((v) => v || null).nullable();
const Email = StoredText.trim().max(254).transform((v) => v || null).pipe(z.email().nullable()).nullable();
const Phone = StoredText.trim().max(40).regex(/^[0-9+()\- ]*$/, 'digits, spaces, + - ( ) only').transform((v) => v || null).nullable();

export const ContactInput = z.object({
  email: Email, phone: Phone, streetAddress: Optional(200), postalCode: Optional(20), city: Optional(100),
});
export const PersonData = z.object({
  givenName: Name, familyName: Name,
  /** Personnummer, samordningsnummer or temporary number, 10 or 12 digits, with or without dash. */
  civicNo: StoredText.trim().min(1).max(20),
  securityMarking: z.enum(SECURITY_MARKINGS),
  /** null: leave the contact details as they are (a person with protected registration: never sent). */
  contact: ContactInput.nullable(),
});

export const EnrolmentInput = z.object({
  schoolYear: z.number().int().min(0).max(10), schoolForm: z.string().regex(/^[A-Z]{2,8}$/), gradesRequested: z.boolean(),
  startDate: IsoDate, endDate: IsoDate.nullable(),
});
export const DutyInput = z.object({
  role: z.enum(UNIT_STAFF_ROLES), licensed: z.boolean(), qualifiedSubjects: z.array(z.string().regex(/^[A-Z0-9]{1,8}$/)).max(60),
  startDate: IsoDate, endDate: IsoDate.nullable(),
});
export const GuardianInput = z.object({ guardianId: z.string().uuid(), startDate: IsoDate, endDate: IsoDate.nullable() });
/** The first relation of a person at this unit: without one, the person would not be in the unit's register. */
export const FirstRelation = z.discriminatedUnion('kind', [
  EnrolmentInput.extend({ kind: z.literal('enrolment') }),
  z.object({ kind: z.literal('guardianship'), childId: z.string().uuid(), startDate: IsoDate, endDate: IsoDate.nullable() }),
  DutyInput.extend({ kind: z.literal('duty') }),
]);
export const NewPerson = PersonData.extend({ relation: FirstRelation });
export const PersonUpdate = PersonData.extend({ version: z.number().int() });
/** A person already in the organiser's register (found by civic number), given a relation at this unit. */
export const ExistingPerson = z.object({ civicNo: StoredText.trim().min(1).max(20), relation: FirstRelation });
export const EndRelation = z.object({ endDate: IsoDate });

export const SearchQuery = z.object({
  q: StoredText.max(100).optional(),
  kind: z.enum(PERSON_KINDS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50),
});

const Ref = z.object({ id: z.string(), name: z.string() });
const State = z.enum(['current', 'upcoming', 'ended']);
const Dates = { startDate: z.string(), endDate: z.string().nullable(), state: State };

export const PersonListItem = z.object({
  id: z.string(), givenName: z.string(), familyName: z.string(), civicNo: z.string().nullable(),
  securityMarking: z.enum(SECURITY_MARKINGS),
  kinds: z.array(z.object({ kind: z.enum(PERSON_KINDS), current: z.boolean() })),
  /** a pupil's current year, school form and class; a staff member's current roles at the unit */
  schoolYear: z.number().nullable(), schoolForm: z.string().nullable(), className: z.string().nullable(), roles: z.array(z.string()),
});
export const PersonList = z.object({
  total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(PersonListItem),
  counts: z.object({ pupil: z.number(), guardian: z.number(), staff: z.number() }),
  /** The school forms the unit runs (for the enrolment form). */
  schoolForms: z.array(z.string()),
});

export const PersonBody = z.object({
  id: z.string(), givenName: z.string(), familyName: z.string(),
  civicNo: z.string().nullable(), civicNoKind: z.string().nullable(), birthDate: z.string().nullable(), sex: z.string().nullable(),
  securityMarking: z.enum(SECURITY_MARKINGS),
  /** null for a person with protected registration: never shown. */
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable(), streetAddress: z.string().nullable(),
    postalCode: z.string().nullable(), city: z.string().nullable() }).nullable(),
  version: z.number(),
  enrolments: z.array(z.object({ id: z.string(), schoolYear: z.number(), schoolForm: z.string(), gradesRequested: z.boolean(), ...Dates })),
  guardians: z.array(z.object({ id: z.string(), person: Ref, ...Dates })),
  /** Children at this unit by name; children elsewhere only counted. */
  children: z.array(z.object({ id: z.string(), person: Ref, ...Dates })),
  childrenElsewhere: z.number(),
  duties: z.array(z.object({ id: z.string(), role: z.string(), licensed: z.boolean(), qualifiedSubjects: z.array(z.string()), ...Dates })),
  /** The person also has relations at other units (not shown here). */
  elsewhere: z.boolean(),
});

const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const HistoryEntry = z.object({
  id: z.string(), at: z.string(), action: z.string(),
  actor: z.object({ name: z.string(), role: z.string().nullable() }).nullable(),
  /** The facts of the change worth showing (dates, year, role …); never contact details of a protected person. */
  facts: z.record(z.string(), Scalar),
  changes: z.array(z.object({ field: z.string(), from: Scalar, to: Scalar })),
});
