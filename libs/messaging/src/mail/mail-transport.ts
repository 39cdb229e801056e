import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  fromName: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Deterministic Message-ID, so a resend after a crash is recognisable as the same message. */
  messageId?: string;
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
}

/** Pooled SMTP options from an smtp:// or smtps:// URL (credentials URL-encoded). */
export function smtpOptions(url: string, requireTls = false) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    // smtp:// then refuses a server that does not offer STARTTLS, instead of sending in the clear.
    requireTLS: requireTls && !secure,
    pool: true,
    maxConnections: 10,
    host: parsed.hostname,
    port: Number(parsed.port || (secure ? 465 : 25)),
    secure,
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
  };
}

/** The one way mail leaves the platform: a pooled SMTP transport from SMTP_URL. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  private readonly fromAddress: string;

  constructor(config: AppConfig) {
    this.transporter = nodemailer.createTransport(smtpOptions(config.mail.smtpUrl, config.mail.requireTls));
    this.fromAddress = config.mail.from;
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transporter.sendMail({
      from: { name: mail.fromName, address: this.fromAddress },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      messageId: mail.messageId,
      attachments: mail.attachments,
    });
    return String(info.messageId);
  }

  onApplicationShutdown(): void {
    this.transporter.close();
    this.logger.debug('mail transport closed');
  }
}
