// UI texts of the teacher's reflection on a group (ReflectionPanel).
export const followupReflectionTexts = {
  sv: {
    title: 'Reflektion kring betyg och provbetyg',
    intro: 'Frågorna kommer från Skolverkets allmänna råd om uppföljning av betyg. Rektorn kan läsa det du skriver.',
    notes: 'Övriga anteckningar',
    save: 'Spara reflektionen',
    saved: 'Sparat {{at}}.',
    notSaved: 'Inte sparad ännu.',
    teachersTitle: 'Lärarnas reflektioner',
    noReflections: 'Ingen lärare har skrivit någon reflektion om gruppen ännu.',
    by: '{{name}}, senast ändrad {{at}}',
    unanswered: 'Inte besvarad.',
    problems: {
      stale_version: 'Reflektionen har ändrats någon annanstans. Ladda om sidan och försök igen.',
      answer_too_long: 'Ett svar får vara högst 4 000 tecken.',
    },
  },
  en: {
    title: 'Reflection on grades and test grades',
    intro: 'The questions come from Skolverket\'s general advice on the follow-up of grades. The principal can read what you write.',
    notes: 'Other notes',
    save: 'Save the reflection',
    saved: 'Saved {{at}}.',
    notSaved: 'Not saved yet.',
    teachersTitle: 'The teachers\' reflections',
    noReflections: 'No teacher has written a reflection on the group yet.',
    by: '{{name}}, last changed {{at}}',
    unanswered: 'Not answered.',
    problems: {
      stale_version: 'The reflection was changed elsewhere. Reload the page and try again.',
      answer_too_long: 'An answer may be at most 4,000 characters.',
    },
  },
};
