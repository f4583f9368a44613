import type { PrismaClient } from '@tandem/db';
import type { Mailer, MailMessage } from '@tandem/schema';
import { createTransport, type Transporter } from 'nodemailer';

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
 * never loses the message. `send` returns once the message is recorded:
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
      },
      select: { id: true },
    });
    const delivery = this.deliver(row.id, message).finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }

  private async deliver(id: string, message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
      await this.prisma.outboxMessage.update({ where: { id }, data: { sentAt: new Date(), error: null } });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      this.log(`Mail ${id} (${message.kind}) to ${message.to} was not sent: ${reason}`);
      await this.prisma.outboxMessage
        .update({ where: { id }, data: { error: reason } })
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
