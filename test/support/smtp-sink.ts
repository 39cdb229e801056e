import { simpleParser, ParsedMail } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  /** Header values as sent, by lower-case name. */
  rawHeaders: Record<string, string>;
  messageId: string;
  /** When the sink had the whole message. */
  receivedAt: Date;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
}

/** A real SMTP server inside the test process that keeps what it receives. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private server?: SMTPServer;
  /** Reply code for the next messages: e.g. 451 (temporary) or 550 (permanent). */
  rejectWith: number | null = null;

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const receivedAt = new Date();
          if (this.rejectWith) {
            const error = Object.assign(new Error('rejected by test'), { responseCode: this.rejectWith });
            callback(error);
            return;
          }
          simpleParser(Buffer.concat(chunks))
            .then((mail) => {
              const to = [mail.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address ?? ''));
              const rawHeaders = Object.fromEntries(
                mail.headerLines.map((header) => [header.key, header.line.slice(header.line.indexOf(':') + 1).trim()]),
              );
              this.messages.push({
                to,
                subject: mail.subject ?? '',
                text: mail.text ?? '',
                html: typeof mail.html === 'string' ? mail.html : '',
                headers: mail.headers,
                rawHeaders,
                messageId: mail.messageId ?? '',
                receivedAt,
                attachments: mail.attachments.map((file) => ({
                  filename: file.filename ?? '',
                  contentType: file.contentType,
                  content: file.content.toString('utf8'),
                })),
              });
              callback();
            })
            .catch((error: Error) => callback(error));
        });
      },
    });
    // Clients that die mid-session (a killed worker) reset their connections; that is expected here.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.messages.filter((mail) => mail.to.includes(address.toLowerCase()));
  }

  /** Waits until a message to the address arrives (mail is sent after the response). */
  async waitFor(address: string, count = 1, timeoutMs = 5000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.to(address);
      if (found.length >= count) return found[count - 1];
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`No mail number ${count} to ${address} within ${timeoutMs} ms`);
  }

  /** Waits for a message to the address with this subject, whatever else arrives first (deliveries run in parallel). */
  async waitForSubject(address: string, subject: string, timeoutMs = 5000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.to(address).find((mail) => mail.subject === subject);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`No mail "${subject}" to ${address} within ${timeoutMs} ms`);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The token of the first link to `path` in a mail. */
export function linkToken(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`${path.replace('/', '\\/')}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`No ${path} link in mail "${mail.subject}"`);
  return match[1];
}
