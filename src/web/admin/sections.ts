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
  /** Shown to the organiser-level administrator only (an administrator whose duty has no unit). */
  organiserOnly?: boolean;
}

export const adminSections: AdminSection[] = [
  { to: '/admin/personer', title: 'people.sectionTitle', description: 'people.sectionDescription', action: 'register.administer', testId: 'admin-people' },
  { to: '/admin/konton', title: 'accounts.section.title', description: 'accounts.section.description', action: 'register.administer', testId: 'admin-section-accounts' },
  { to: '/admin/grupper', title: 'groupAdmin.section.title', description: 'groupAdmin.section.description', action: 'register.administer', testId: 'admin-section-groups' },
  { to: '/admin/grupper/rapporter', title: 'groupAdmin.reportsSection.title', description: 'groupAdmin.reportsSection.description', action: 'register.administer', testId: 'admin-section-group-reports' },
  { to: '/admin/import', title: 'registerImport.sectionTitle', description: 'registerImport.sectionDescription', action: 'register.administer', testId: 'admin-section-import' },
  { to: '/admin/ss12000/import', title: 'ss12000Import.sectionTitle', description: 'ss12000Import.sectionDescription', action: 'ss12000.import', testId: 'admin-section-ss12000-import', organiserOnly: true },
  { to: '/admin/schema', title: 'timetable.sectionTitle', description: 'timetable.sectionDescription', action: 'register.administer', testId: 'admin-section-timetable' },
  { to: '/admin/lasarsskifte', title: 'rollover.section.title', description: 'rollover.section.description', action: 'register.administer', testId: 'admin-section-rollover' },
  { to: '/admin/organisation', title: 'organisation.sections.units.title', description: 'organisation.sections.units.description', action: 'register.administer', testId: 'admin-org-units' },
  { to: '/admin/organisation/lasar', title: 'organisation.sections.calendar.title', description: 'organisation.sections.calendar.description', action: 'register.administer', testId: 'admin-org-calendar' },
  { to: '/admin/organisation/installningar', title: 'organisation.sections.settings.title', description: 'organisation.sections.settings.description', action: 'register.administer', testId: 'admin-org-settings' },
  { to: '/admin/ss12000/klienter', title: 'ss12000.section.title', description: 'ss12000.section.description', action: 'ss12000.clients.manage', testId: 'admin-section-ss12000', organiserOnly: true },
  { to: '/franvaro/installningar', title: 'absence.settings.title', description: 'absence.settings.section', action: 'absence.settings.edit', testId: 'admin-absence-settings' },
];
