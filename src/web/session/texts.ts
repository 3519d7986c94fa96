// UI texts of login, the top bar and the name menu.
export const sessionTexts = {
  sv: {
    login: {
      title: 'Logga in',
      intro: 'Logga in på Lärka med ditt användarnamn och lösenord.',
      username: 'Användarnamn',
      password: 'Lösenord',
      submit: 'Logga in',
      questions: 'Frågor om inloggning? {{contact}}',
      required: 'Fyll i både användarnamn och lösenord.',
      ended: 'Du har loggats ut eftersom sessionen tog slut. Logga in igen så kommer du tillbaka dit du var.',
      errors: {
        invalid_credentials: 'Fel användarnamn eller lösenord.',
        account_locked: 'Kontot är tillfälligt låst. Försök igen senare.',
        too_many_attempts: 'För många försök, försök igen om en stund.',
        other: 'Inloggningen misslyckades. Försök igen.',
      },
    },
    topbar: {
      unit: 'Skolenhet',
      role: 'Roll',
      switchFailed: 'Det gick inte att byta. Försök igen.',
      userMenu: 'Användarmeny för {{name}}',
      contact: 'Mina kontaktuppgifter',
      language: 'Språk',
      logout: 'Logga ut',
    },
  },
  en: {
    login: {
      title: 'Log in',
      intro: 'Log in to Lärka with your username and password.',
      username: 'Username',
      password: 'Password',
      submit: 'Log in',
      questions: 'Questions about logging in? {{contact}}',
      required: 'Enter both username and password.',
      ended: 'You were logged out because your session ended. Log in again to return where you were.',
      errors: {
        invalid_credentials: 'Wrong username or password.',
        account_locked: 'The account is temporarily locked. Try again later.',
        too_many_attempts: 'Too many attempts, try again in a while.',
        other: 'Login failed. Please try again.',
      },
    },
    topbar: {
      unit: 'School unit',
      role: 'Role',
      switchFailed: 'Switching failed. Please try again.',
      userMenu: 'User menu for {{name}}',
      contact: 'My contact details',
      language: 'Language',
      logout: 'Log out',
    },
  },
};
