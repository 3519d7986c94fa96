// UI texts of the administration page (the entry to running the register).
export const adminTexts = {
  sv: {
    nav: 'Administration',
    title: 'Administration',
    intro: 'Här sköter du registret för skolenheten: personer, konton, klasser och grupper, import och läsårsskifte.',
    sectionsLabel: 'Administrationens delar',
    empty: 'Det finns inget att administrera i den här rollen.',
  },
  en: {
    nav: 'Administration',
    title: 'Administration',
    intro: 'Run the register of the school unit here: people, accounts, classes and groups, import and the new school year.',
    sectionsLabel: 'Parts of administration',
    empty: 'There is nothing to administer in this role.',
  },
};
