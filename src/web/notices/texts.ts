// UI texts of "Meddelanden": the person's own notices (e.g. the same-day notice of invalid absence).
export const noticeTexts = {
  sv: {
    nav: 'Meddelanden',
    unreadSuffix_one: 'oläst',
    unreadSuffix_other: 'olästa',
    title: 'Meddelanden',
    empty: 'Du har inga meddelanden.',
    unread: 'Oläst',
    markRead: 'Markera som läst',
    markReadLabel: 'Markera som läst: {{title}} ({{day}})',
    received: 'Mottaget {{date}}',
  },
  en: {
    nav: 'Messages',
    unreadSuffix_one: 'unread',
    unreadSuffix_other: 'unread',
    title: 'Messages',
    empty: 'You have no messages.',
    unread: 'Unread',
    markRead: 'Mark as read',
    markReadLabel: 'Mark as read: {{title}} ({{day}})',
    received: 'Received {{date}}',
  },
};
