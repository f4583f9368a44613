import type { PrismaClient } from '@tandem/db';
import { SIGN_IN_CODE_MINUTES, type Mailer, type MailMessage } from '@tandem/schema';
import { createTransport, type Transporter } from 'nodemailer';

/** Attempts per message, the first included; then it stays in the outbox with its last error. */
export const MAX_ATTEMPTS = 8;
/** How long a message is worth delivering late: a sign-in code is dead after its minutes, anything else a day. */
const DELIVER_WITHIN_MS: Record<string, number> = { 'sign-in-code': SIGN_IN_CODE_MINUTES * 60_000 };
const DEFAULT_DELIVER_WITHIN_MS = 24 * 3_600_000;
/** Time an attempt may take before another process may try the message again (it died mid-send). */
const LEASE_MS = 2 * 60_000;

/** After attempt n fails: 1, 2, 4 … minutes, at most an hour. */
const backoffMs = (attempts: number) => Math.min(60, 2 ** (attempts - 1)) * 60_000;

/** The server refused the recipient or the message for good (5xx on them): trying again cannot help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return code !== undefined && code >= 550 && code <= 554;
}

export interface SmtpMailerOptions {
  /** e.g. smtp://user:pass@host:587 (STARTTLS when offered), smtps://user:pass@host:465 (TLS). */
  url: string;
  /** The sender, e.g. "Tandem <noreply@example.org>". */
  from: string;
  /** Where delivery failures are reported (they are also kept in the outbox row). */
  log?: (line: string) => void;
}

/**
 * Records every message in the outbox table first, then delivers it over SMTP
 * and marks the row sent — or keeps the error on it, so a failed delivery
 * never loses the message. A failure that may pass (the server is down, busy,
 * or refuses for now) is tried again by `retryDue`, with growing pauses, while
 * the message is still worth sending; API processes sharing the outbox claim
 * each retry, so none is sent twice. `send` returns once the message is recorded:
 * delivery runs after it, so a slow mail server neither slows the API nor
 * lets response times tell whether a message was sent (sign-in codes go only
 * to existing accounts).
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly log: (line: string) => void;
  private readonly deliveries = new Set<Promise<void>>();

  constructor(
    private readonly prisma: PrismaClient,
    { url, from, log = (line) => console.warn(line) }: SmtpMailerOptions,
  ) {
    // A pool reuses connections and caps them (5), whatever the burst of mail.
    this.transport = createTransport({ url, pool: true });
    this.from = from;
    this.log = log;
  }

  async send(message: MailMessage): Promise<void> {
    const row = await this.prisma.outboxMessage.create({
      data: {
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        kind: message.kind,
        // The first attempt starts now; should this process die during it, a retry picks the message up.
        attempts: 1,
        retryAt: new Date(Date.now() + LEASE_MS),
      },
      select: { id: true },
    });
    this.start(row.id, message, 1);
  }

  /**
   * Tries again the messages whose retry is due at `now`: at most `limit` of them, oldest first. Returns how many
   * it started; `idle()` waits for them.
   */
  async retryDue(now = new Date(), limit = 50): Promise<number> {
    const due = await this.prisma.outboxMessage.findMany({
      where: { sentAt: null, retryAt: { lte: now }, attempts: { gte: 1, lt: MAX_ATTEMPTS } },
      orderBy: { retryAt: 'asc' },
      take: limit,
    });
    let started = 0;
    for (const row of due) {
      const within = DELIVER_WITHIN_MS[row.kind] ?? DEFAULT_DELIVER_WITHIN_MS;
      if (now.getTime() - row.createdAt.getTime() > within) {
        await this.prisma.outboxMessage.updateMany({
          where: { id: row.id, retryAt: row.retryAt },
          data: { retryAt: null },
        });
        continue;
      }
      // Claimed only if nobody else claimed it since it was read.
      const claimed = await this.prisma.outboxMessage.updateMany({
        where: { id: row.id, sentAt: null, retryAt: row.retryAt, attempts: row.attempts },
        data: { attempts: row.attempts + 1, retryAt: new Date(now.getTime() + LEASE_MS) },
      });
      if (!claimed.count) continue;
      const message = { to: row.to, subject: row.subject, text: row.text, html: row.html ?? undefined, kind: row.kind };
      this.start(row.id, message, row.attempts + 1, now);
      started += 1;
    }
    return started;
  }

  private start(id: string, message: MailMessage, attempt: number, now = new Date()): void {
    const delivery = this.deliver(id, message, attempt, now).finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }

  private async deliver(id: string, message: MailMessage, attempt: number, now: Date): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
      await this.prisma.outboxMessage.update({
        where: { id },
        data: { sentAt: new Date(), error: null, retryAt: null },
      });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const retry = !isPermanent(error) && attempt < MAX_ATTEMPTS;
      const retryAt = retry ? new Date(now.getTime() + backoffMs(attempt)) : null;
      this.log(
        `Mail ${id} (${message.kind}) to ${message.to} was not sent (attempt ${attempt}): ${reason}` +
          (retryAt ? `; trying again from ${retryAt.toISOString()}` : ''),
      );
      await this.prisma.outboxMessage
        .update({ where: { id }, data: { error: reason, retryAt } })
        .catch((e: unknown) => this.log(`Mail ${id}: could not record the delivery error: ${(e as Error).message}`));
    }
  }

  /** Resolves when every delivery started so far has finished (sent or failed). */
  async idle(): Promise<void> {
    while (this.deliveries.size) await Promise.allSettled([...this.deliveries]);
  }

  /** Waits for deliveries in progress (at most `timeoutMs`), then closes the SMTP connections. */
  async close(timeoutMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.idle(), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    this.transport.close();
  }
}
