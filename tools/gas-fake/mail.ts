/**
 * MailApp: sendEmail in its four overloads and getRemainingDailyQuota, with Apps Script's recipient quotas
 * (per day, reset 24 hours after the first send; and per message) and the script.send_mail scope.
 */
import { FaultInjectable, GoogleErrors } from './errors';
import { FakeAuthorization, SEND_MAIL_SCOPE } from './services';

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  body: string;
  htmlBody: string;
  name: string;
  noReply: boolean;
  at: Date;
}

export interface MailMessage {
  to?: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  subject?: string;
  body?: string;
  htmlBody?: string;
  name?: string;
  noReply?: boolean;
}

export type MailMethod = 'sendEmail' | 'getRemainingDailyQuota';
export type AccountType = 'consumer' | 'workspace';

/** The quotas page: recipients per day (consumer 100, Workspace 1,500) and per message (50, 500). */
const LIMITS: Record<AccountType, { perDay: number; perMessage: number }> = {
  consumer: { perDay: 100, perMessage: 50 },
  workspace: { perDay: 1500, perMessage: 500 },
};

function addresses(field: string | undefined): string[] {
  return (field ?? '').split(',').map((a) => a.trim()).filter(Boolean);
}

/** The test handle: what was sent, the quota, faults. */
export class FakeMail extends FaultInjectable<MailMethod> {
  readonly sent: SentMail[] = [];
  /** Recipients used in the current quota window, which opened at windowStart. */
  private used = 0;
  private windowStart: number | null = null;

  constructor(
    readonly account: AccountType,
    private readonly now: () => Date,
  ) {
    super();
  }

  /** Recipients still allowed today; the window closes 24 hours after its first send. */
  remaining(): number {
    if (this.windowStart !== null && this.now().getTime() >= this.windowStart + 86_400_000) {
      this.windowStart = null;
      this.used = 0;
    }
    return LIMITS[this.account].perDay - this.used;
  }

  _spend(recipients: number): void {
    if (recipients > LIMITS[this.account].perMessage) throw new Error('Limit Exceeded: Email Recipients Per Message.');
    if (recipients > this.remaining()) throw GoogleErrors.mailQuota();
    if (this.windowStart === null) this.windowStart = this.now().getTime();
    this.used += recipients;
  }
}

export class FakeMailApp {
  readonly _className = 'MailApp';

  constructor(
    private readonly mail: FakeMail,
    private readonly authorization: FakeAuthorization,
    private readonly now: () => Date,
  ) {}

  getRemainingDailyQuota(): number {
    this.authorization.require(SEND_MAIL_SCOPE, 'MailApp.getRemainingDailyQuota');
    this.mail.faults.enter('getRemainingDailyQuota');
    return this.mail.remaining();
  }

  /** sendEmail(message) | (recipient, subject, body) | (recipient, subject, body, options) | (to, replyTo, subject, body). */
  sendEmail(first: string | MailMessage, a?: string, b?: string, c?: string | MailMessage): void {
    this.authorization.require(SEND_MAIL_SCOPE, 'MailApp.sendEmail');
    this.mail.faults.enter('sendEmail');
    let message: MailMessage;
    if (typeof first === 'object' && first !== null) message = first;
    else if (typeof c === 'string') message = { to: first, replyTo: a, subject: b, body: c };
    else message = { ...(c ?? {}), to: first, subject: a, body: b };
    const recipients = [...addresses(message.to), ...addresses(message.cc), ...addresses(message.bcc)];
    if (!recipients.length) throw new Error('Failed to send email: no recipient');
    const invalid = recipients.find((r) => !/^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/.test(r.replace(/^.*<([^>]+)>$/, '$1')));
    if (invalid) throw new Error(`Invalid email: ${invalid}`);
    this.mail._spend(recipients.length);
    const at = this.now();
    this.mail.sent.push({
      to: message.to ?? '',
      cc: message.cc ?? '',
      bcc: message.bcc ?? '',
      replyTo: message.replyTo ?? '',
      subject: message.subject ?? '',
      body: message.body ?? '',
      htmlBody: message.htmlBody ?? '',
      name: message.name ?? '',
      noReply: message.noReply ?? false,
      at,
    });
  }
}
