import { sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { rows, type Db } from '../db/database.js';
import type { MailConfig } from './config.js';
import { sweeper } from '../jobs/sweeper.js';

/** Attempts before an e-mail is given up ('failed', its last error kept). */
export const MAX_ATTEMPTS = 8;
const SWEEP_MS = 30_000;
const BATCH = 50;

interface Log { info(msg: string): void; warn(obj: object, msg: string): void }

/**
 * Sends the mail outbox through SMTP (nodemailer). Rows are written in the transaction of what they tell
 * (e.g. a same-day notice); `kick()` sends them shortly after that commit, and a sweep every 30 s retries
 * what failed (attempts counted, last error kept). Sending never blocks the request that wrote the row.
 * Without an SMTP URL nothing is sent: the outbox stays pending, and the log says mail is off.
 */
export function mailSender(opts: { db: Db; config: MailConfig; log: Log }) {
  const { db, config, log } = opts;
  const transport: Transporter | null = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  async function sendPending(): Promise<number> {
    if (!transport) return 0;
    const due = await rows<{ id: string; organiser_id: string; to_address: string; subject: string; body_text: string; attempts: number }>(db, sql`
      select organiser_id, id, to_address, subject, body_text, attempts from mail_outbox
       where status = 'pending' and attempts < ${MAX_ATTEMPTS} order by created_at limit ${BATCH}`);
    let sent = 0;
    for (const m of due) {
      // claim the row: another sweep (or process) that read the same attempts count loses
      const claimed = await rows(db, sql`update mail_outbox set attempts = attempts + 1
        where organiser_id = ${m.organiser_id} and id = ${m.id} and status = 'pending' and attempts = ${m.attempts} returning id`);
      if (!claimed.length) continue;
      try {
        await transport.sendMail({ from: config.from, to: m.to_address, subject: m.subject, text: m.body_text });
        await db.execute(sql`update mail_outbox set status = 'sent', sent_at = now(), last_error = null where organiser_id = ${m.organiser_id} and id = ${m.id}`);
        sent++;
      } catch (err) {
        const message = err instanceof Error ? err.message.slice(0, 500) : String(err);
        await db.execute(sql`update mail_outbox set last_error = ${message},
            status = case when attempts >= ${MAX_ATTEMPTS} then 'failed' else 'pending' end
          where organiser_id = ${m.organiser_id} and id = ${m.id}`);
        log.warn({ mailId: m.id, attempts: m.attempts + 1 }, `mail not sent: ${message}`);
      }
    }
    return sent;
  }

  const jobs = sweeper('mail sweep', sendPending, { everyMs: SWEEP_MS, kickAfterMs: [50, 1_500], log });

  /** Send soon: after the transaction that wrote the outbox rows has committed (and once more a little later). */
  function kick(): void {
    if (transport) jobs.kick();
  }

  function start(): void {
    if (!transport) {
      log.info('mail is off (LARKA_SMTP_URL not set): e-mail stays in the outbox');
      return;
    }
    jobs.start();
  }

  async function stop(): Promise<void> {
    await jobs.stop();
    transport?.close();
  }

  return { enabled: transport !== null, sweep: jobs.sweep, kick, start, stop };
}

export type MailSender = ReturnType<typeof mailSender>;
