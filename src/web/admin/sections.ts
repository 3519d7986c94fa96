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
  { to: '/admin/import', title: 'registerImport.sectionTitle', description: 'registerImport.sectionDescription', action: 'register.administer', testId: 'admin-section-import' },
];
