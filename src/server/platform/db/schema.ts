/** All tables, for drizzle-kit and for typed queries. Each capability owns its tables.ts. */
export * from '../../org/tables.js';
export * from '../../session/tables.js';
export * from '../audit/tables.js';
export * from '../../grading/tables.js';
export * from '../../absence/tables.js';
export * from '../../register/tables.js';
export * from '../../notices/tables.js';
export * from '../../national-tests/tables.js';
export * from '../../portal/tables.js';
export * from '../../oidc/tables.js';
export * from '../../curriculum/tables.js';
export * from '../../planning/tables.js';
export * from '../../pupil-support/tables.js';
export * from '../../followup/tables.js';
export * from '../../followup/fact-tables.js';
export * from '../../ss12000/tables.js';
