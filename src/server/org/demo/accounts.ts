/**
 * The named demo accounts (password `demo`), present in both presets at the first three units.
 * Generated people get no account. Tests and journeys rely on this description.
 */
export const DEMO_ORGANISER_ID = '00000000-0000-4000-8000-000000000001';
export const DEMO_PASSWORD = 'demo';

export const DEMO_UNITS = ['Björkskolan', 'Eksätraskolan', 'Lindängsskolan'] as const;
export type DemoUnitName = (typeof DEMO_UNITS)[number];

export interface DemoChild {
  key: string;
  givenName: string;
  sex: 'F' | 'M';
  unit: DemoUnitName;
  className: string;
  schoolYear: number;
}

export interface DemoAccount {
  username: string;
  givenName: string;
  familyName: string;
  sex: 'F' | 'M';
  /** Roles as in domain/access/roles.ts (mentor is a relation, not a role). */
  roles: readonly ('teacher' | 'student_health' | 'administrator' | 'principal' | 'analyst' | 'guardian' | 'pupil')[];
  /** Units of the staff duties (or, for a pupil, the unit of the enrolment). */
  units: readonly DemoUnitName[];
  description: string;
  /** The pupil's class, for `elev`. */
  className?: string;
  /** Children of a guardian account (generated pupils with fixed names and places). */
  children?: readonly DemoChild[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin', givenName: 'Karin', familyName: 'Ek', sex: 'F', roles: ['administrator'],
    units: ['Björkskolan'], description: 'Skoladministratör på Björkskolan',
  },
  {
    username: 'rektor', givenName: 'Lars', familyName: 'Holm', sex: 'M', roles: ['principal'],
    units: ['Björkskolan'], description: 'Rektor på Björkskolan; har delegerat beslut',
  },
  {
    username: 'larare', givenName: 'Anna', familyName: 'Öberg', sex: 'F', roles: ['teacher'],
    units: ['Björkskolan', 'Eksätraskolan'],
    description: 'Legitimerad lärare i MA/FY/TK, undervisar MA i åk 7–9 på båda skolorna, betygssättare',
  },
  {
    username: 'larare2', givenName: 'Johan', familyName: 'Lindqvist', sex: 'M', roles: ['teacher'],
    units: ['Björkskolan'],
    description: 'Lärare utan legitimation; undervisar EN tillsammans med en legitimerad lärare (båda betygssättare)',
  },
  {
    username: 'mentor', givenName: 'Maria', familyName: 'Sjöberg', sex: 'F', roles: ['teacher'],
    units: ['Björkskolan'], className: '9A', description: 'Legitimerad lärare, mentor för 9A och lärare i SV i 9A',
  },
  {
    username: 'analytiker', givenName: 'Erik', familyName: 'Åberg', sex: 'M', roles: ['analyst'],
    units: [], description: 'Analytiker på huvudmannanivå (alla skolenheter)',
  },
  {
    username: 'vardnadshavare', givenName: 'Sofia', familyName: 'Ängström', sex: 'F', roles: ['guardian'],
    units: [], description: 'Vårdnadshavare till två barn på olika skolor',
    children: [
      { key: 'vardnadshavare/1', givenName: 'Olle', sex: 'M', unit: 'Björkskolan', className: '9B', schoolYear: 9 },
      { key: 'vardnadshavare/2', givenName: 'Ida', sex: 'F', unit: 'Eksätraskolan', className: '4A', schoolYear: 4 },
    ],
  },
  {
    username: 'elev', givenName: 'Elsa', familyName: 'Nyström', sex: 'F', roles: ['pupil'],
    units: ['Björkskolan'], className: '9A', description: 'Elev i 9A på Björkskolan',
  },
  {
    username: 'personal', givenName: 'Ahmed', familyName: 'Hassan', sex: 'M', roles: ['teacher', 'guardian'],
    units: ['Eksätraskolan'], description: 'Lärare på Eksätraskolan och vårdnadshavare till ett barn på Lindängsskolan',
    children: [
      { key: 'personal/1', givenName: 'Yasmin', sex: 'F', unit: 'Lindängsskolan', className: '7A', schoolYear: 7 },
    ],
  },
  {
    username: 'elevhalsa', givenName: 'Helena', familyName: 'Åström', sex: 'F', roles: ['student_health'],
    units: ['Björkskolan'], description: 'Skolsköterska i elevhälsan på Björkskolan: elevernas frånvaro och frånvaroutredningar, inte betyg',
  },
  {
    username: 'huvudman', givenName: 'Birgitta', familyName: 'Rosén', sex: 'F', roles: ['administrator'],
    units: [], description: 'Administratör på huvudmannanivå: skolenheter, läsår och terminer, huvudmannens inställningar (alla skolenheter)',
  },
];

export const demoAccount = (username: string): DemoAccount => {
  const a = DEMO_ACCOUNTS.find((x) => x.username === username);
  if (!a) throw new Error(`no demo account ${username}`);
  return a;
};
