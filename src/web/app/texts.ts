// UI texts of the shell (Swedish default, English).
export const appTexts = {
  sv: {
    productName: 'Lärka',
    skipToContent: 'Hoppa till innehållet',
    loading: 'Laddar …',
    unexpectedError: 'Något gick fel. Försök igen.',
    retry: 'Försök igen',
    notFound: {
      title: 'Sidan finns inte',
      body: 'Sidan du söker finns inte, eller så har den flyttats.',
      home: 'Till startsidan',
    },
    noAccess: {
      body: 'Kontrollera adressen. Om du fått länken av någon annan kan uppgifterna höra till en annan skolenhet eller roll än den du är inloggad med just nu.',
    },
    roles: {
      teacher: 'Lärare',
      student_health: 'Elevhälsa',
      administrator: 'Skoladministratör',
      principal: 'Rektor',
      analyst: 'Analytiker',
      guardian: 'Vårdnadshavare',
      pupil: 'Elev',
    },
    schoolForms: {
      GR: 'Grundskola',
      GRS: 'Anpassad grundskola',
      FKLASS: 'Förskoleklass',
      FTH: 'Fritidshem',
    },
    decisionKinds: {
      sign_term_grades: 'Underteckna terminsbetyg',
      decide_leave: 'Besluta om ledighet',
      decide_action_programme: 'Besluta om åtgärdsprogram',
    },
    yes: 'Ja',
    no: 'Nej',
  },
  en: {
    productName: 'Lärka',
    skipToContent: 'Skip to content',
    loading: 'Loading …',
    unexpectedError: 'Something went wrong. Please try again.',
    retry: 'Try again',
    notFound: {
      title: 'Page not found',
      body: 'The page you are looking for does not exist, or it has moved.',
      home: 'Go to the start page',
    },
    noAccess: {
      body: 'Check the address. If someone else sent you the link, the information may belong to another school unit or role than the one you are signed in with right now.',
    },
    roles: {
      teacher: 'Teacher',
      student_health: 'Student health',
      administrator: 'School administrator',
      principal: 'Principal',
      analyst: 'Analyst',
      guardian: 'Guardian',
      pupil: 'Pupil',
    },
    schoolForms: {
      GR: 'Compulsory school',
      GRS: 'Compulsory school for pupils with intellectual disabilities',
      FKLASS: 'Preschool class',
      FTH: 'School-age educare',
    },
    decisionKinds: {
      sign_term_grades: 'Sign term grades',
      decide_leave: 'Decide on leave',
      decide_action_programme: 'Decide on action programmes',
    },
    yes: 'Yes',
    no: 'No',
  },
};
