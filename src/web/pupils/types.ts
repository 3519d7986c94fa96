// GET /api/pupils/:pupilId: the short record of one pupil.

export type SecurityMarking = 'none' | 'confidential' | 'protected';

export interface PupilContact {
  email: string | null;
  phone: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface PupilSummary {
  id: string;
  givenName: string;
  familyName: string;
  securityMarking: SecurityMarking;
  unit: { id: string; name: string } | null;
  schoolYear: number | null;
  /** GR grundskola, GRS anpassad grundskola, … */
  schoolForm: string | null;
  className: string | null;
  /** null: protected registration ("Skyddad") — address and contact are never sent. */
  contact: PupilContact | null;
}
