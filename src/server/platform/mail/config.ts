/** E-mail through SMTP: `LARKA_SMTP_URL` (e.g. smtp://127.0.0.1:2525, smtps://user:pass@mail.example:465) and
 *  `LARKA_MAIL_FROM` (the sender shown). Without the URL, mail is off: notices are kept in the outbox. */
export interface MailConfig { smtpUrl: string | null; from: string }

export function readMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  return { smtpUrl: env.LARKA_SMTP_URL || null, from: env.LARKA_MAIL_FROM || 'Lärka <noreply@larka.invalid>' };
}
