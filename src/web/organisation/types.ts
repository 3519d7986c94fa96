// /api/admin/organisation, /api/admin/units, /api/admin/terms, /api/admin/holidays, /api/admin/subjects.
import type { Module } from '../../domain/register/organiser-settings';
import type { SchoolForm } from '../../domain/register/school-units';

export interface MonthDayRange { from: string; to: string }
export interface Settings {
  modules: Module[];
  defaultGradingPeriods: { HT: MonthDayRange | null; VT: MonthDayRange | null };
  version: string | null;
}
export interface Organisation { name: string; contact: string | null; organiserAdministrator: boolean; settings: Settings }
export interface SettingsInput extends Omit<Settings, 'version'> { contact: string | null; version: string | null }

export interface UnitContact { streetAddress: string | null; postalCode: string | null; city: string | null; email: string | null; phone: string | null }
export interface UnitFields extends UnitContact { name: string; schoolUnitCode: string; schoolForms: SchoolForm[]; municipalityCode: string | null }
export interface Unit extends UnitFields { id: string }

export interface Holiday { id: string; name: string; startDate: string; endDate: string; unit: { id: string; name: string } | null; editable: boolean }
export interface Term { id: string; schoolYear: string; kind: 'HT' | 'VT'; startDate: string; endDate: string; holidays: Holiday[] }
export interface SchoolYear { schoolYear: string; terms: Term[] }
export interface DateSpan { startDate: string; endDate: string }

export interface Subject { code: string; name: string; firstGradedYear: number }

export const organisationPaths = { units: '/admin/organisation', calendar: '/admin/organisation/lasar', settings: '/admin/organisation/installningar' } as const;
