import { createServer, type Server, type Socket } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent after DATA (headers and body), dot-stuffing removed. */
  data: string;
  /** The user name that authenticated, if any. */
  user: string | null;
}

/**
 * A small but real SMTP server on 127.0.0.1 (RFC 5321: EHLO, AUTH PLAIN, MAIL,
 * RCPT, DATA, RSET, NOOP, QUIT) that keeps what it receives, so the SMTP
 * mailer is tested over an actual socket with nodemailer unchanged.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Recipients answered with 550, to test delivery failures. */
  readonly rejectRecipients = new Set<string>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly credentials: { user: string; pass: string } | null,
  ) {}

  static async start(credentials: { user: string; pass: string } | null = null): Promise<TestSmtpServer> {
    let instance: TestSmtpServer | undefined;
    const server = createServer((socket) => instance!.handle(socket));
    instance = new TestSmtpServer(server, credentials);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return instance;
  }

  get port(): number {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    return address.port;
  }

  url(user?: string, pass?: string): string {
    const auth = user ? `${encodeURIComponent(user)}:${encodeURIComponent(pass ?? '')}@` : '';
    return `smtp://${auth}127.0.0.1:${this.port}`;
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(socket: Socket) {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let buffer = '';
    let user: string | null = null;
    let envelope: { from: string; to: string[] } | null = null;
    let dataLines: string[] | null = null;

    const onLine = (line: string) => {
      if (dataLines) {
        if (line === '.') {
          this.received.push({ ...envelope!, data: dataLines.join('\r\n'), user });
          dataLines = null;
          envelope = null;
          reply('250 2.0.0 Queued');
        } else {
          dataLines.push(line.startsWith('..') ? line.slice(1) : line);
        }
        return;
      }
      const [verb = '', ...rest] = line.split(' ');
      const argument = rest.join(' ');
      switch (verb.toUpperCase()) {
        case 'EHLO':
          reply('250-test.local');
          if (this.credentials) reply('250-AUTH PLAIN');
          reply('250-8BITMIME');
          reply('250 SMTPUTF8');
          break;
        case 'HELO':
          reply('250 test.local');
          break;
        case 'AUTH': {
          const [mechanism, initial] = argument.split(' ');
          const [, name, pass] = Buffer.from(initial ?? '', 'base64')
            .toString('utf8')
            .split('\0');
          const expected = this.credentials;
          if (mechanism?.toUpperCase() === 'PLAIN' && expected && name === expected.user && pass === expected.pass) {
            user = expected.user;
            reply('235 2.7.0 Authentication successful');
          } else {
            reply('535 5.7.8 Authentication credentials invalid');
          }
          break;
        }
        case 'MAIL':
          if (this.credentials && !user) {
            reply('530 5.7.0 Authentication required');
            break;
          }
          envelope = { from: /<(.*?)>/.exec(argument)?.[1] ?? '', to: [] };
          reply('250 2.1.0 OK');
          break;
        case 'RCPT': {
          const to = /<(.*?)>/.exec(argument)?.[1] ?? '';
          if (!envelope) reply('503 5.5.1 MAIL first');
          else if (this.rejectRecipients.has(to)) reply('550 5.1.1 No such mailbox here');
          else {
            envelope.to.push(to);
            reply('250 2.1.5 OK');
          }
          break;
        }
        case 'DATA':
          if (!envelope?.to.length) reply('503 5.5.1 RCPT first');
          else {
            dataLines = [];
            reply('354 End data with <CR><LF>.<CR><LF>');
          }
          break;
        case 'RSET':
          envelope = null;
          reply('250 2.0.0 OK');
          break;
        case 'NOOP':
          reply('250 2.0.0 OK');
          break;
        case 'QUIT':
          reply('221 2.0.0 Bye');
          socket.end();
          break;
        default:
          reply('502 5.5.2 Command not implemented');
      }
    };

    reply('220 test.local ESMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        onLine(line);
      }
    });
  }
}

/** The text body of a single-part message, decoded from its Content-Transfer-Encoding. */
export function decodedBody(data: string): string {
  const split = data.indexOf('\r\n\r\n');
  const headers = data.slice(0, split);
  const body = data.slice(split + 4);
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
