/** One outgoing e-mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What kind of message, e.g. "sign-in-code"; kept in the outbox. */
  kind: string;
}

/** Outgoing mail. The API provides SMTP or the outbox table; the schema only asks to send. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
