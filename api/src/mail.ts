import type { PrismaClient } from '@tandem/db';
import type { Mailer, MailMessage } from '@tandem/schema';

/**
 * Records every message in the outbox table. Without SMTP that is where
 * development (and the tests) read it; the log shows it too, unless quiet.
 */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly log: ((line: string) => void) | null = null,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await this.prisma.outboxMessage.create({
      data: {
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        kind: message.kind,
      },
    });
    this.log?.(`Mail to ${message.to}: ${message.subject}\n${message.text}`);
  }
}
