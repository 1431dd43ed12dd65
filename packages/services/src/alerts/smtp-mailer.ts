// E-mail through the operator's SMTP relay (SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465).
import nodemailer from "nodemailer";
import { type Mailer, type MailMessage, SendFailure } from "./config";

export interface SmtpMailerOptions {
  url: string;
  from: string;
}

export class SmtpMailer implements Mailer {
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;
  private readonly from: string;

  constructor(options: SmtpMailerOptions) {
    this.transport = nodemailer.createTransport(options.url);
    this.from = options.from;
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.from, ...message });
    } catch (error) {
      // A 5xx reply is the relay's final word (bad address, refused); 4xx and network errors pass.
      const code = (error as { responseCode?: number }).responseCode;
      const retryable = code === undefined || code < 500;
      throw new SendFailure(
        code ? `the mail relay answered ${code}` : "the mail relay could not be reached",
        retryable,
      );
    }
  }

  close(): void {
    this.transport.close();
  }
}
