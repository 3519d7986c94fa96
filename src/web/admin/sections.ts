// The sections of the administration page ("Administration"). Each area of register administration adds
// its own entry here: a link, a text key for the title and one for the description, and the action the
// session must allow (session.allowedActions) for the entry to show.
export interface AdminSection {
  to: string;
  /** i18n keys */
  title: string;
  description: string;
  action: string;
  testId: string;
}

export const adminSections: AdminSection[] = [
  // organisation: units, school years and terms, the organiser's settings
  { to: '/admin/organisation', title: 'organisation.sections.units.title', description: 'organisation.sections.units.description', action: 'register.administer', testId: 'admin-org-units' },
  { to: '/admin/organisation/lasar', title: 'organisation.sections.calendar.title', description: 'organisation.sections.calendar.description', action: 'register.administer', testId: 'admin-org-calendar' },
  { to: '/admin/organisation/installningar', title: 'organisation.sections.settings.title', description: 'organisation.sections.settings.description', action: 'register.administer', testId: 'admin-org-settings' },
];
