import { digestDue, digestOf } from '../app/digest';
import { weekdayOf } from '../core/dates';
import { actionContext, ActionContext } from './action-context';
import { readContactsSheet } from './contacts-sheet';
import { requireScopes, ScopeNotGrantedError } from './scopes';
import { settingsOf } from './settings-reader';
import { sidebarModel } from './sidebar-api';

/**
 * The reminder email (an install made with --with-digest): sent by the nightly trigger on the chosen day, to the
 * address of the user whose trigger it is, and to no one else; at most once a day; not at all when nothing is due.
 */
const SENT_KEY = 'touchpoint.digest.lastSent';

/** Why no email went, or that one did. */
type DigestOutcome = 'sent' | 'nothing due' | 'not today' | 'off' | 'sent already today' | 'no address' | 'no quota';

export function sendDigest(context: ActionContext = actionContext(), options: { force?: boolean } = {}): DigestOutcome {
  requireScopes(['sendMail', 'userEmail'], 'send the reminder email');
  const { digest } = settingsOf(context.config);
  if (!options.force) {
    if (digest === 'off') return 'off';
    if (!digestDue(digest, weekdayOf(context.today))) return 'not today';
    if (PropertiesService.getUserProperties().getProperty(SENT_KEY) === String(context.today)) return 'sent already today';
  }
  const address = Session.getEffectiveUser().getEmail();
  if (!address) return 'no address';
  const snapshot = readContactsSheet(context);
  const model = sidebarModel(context, snapshot, null);
  const email = digestOf(model, { today: context.today, sheetName: context.spreadsheet.getName(), sheetUrl: context.spreadsheet.getUrl(), schedule: digest });
  if (!email) return 'nothing due';
  if (MailApp.getRemainingDailyQuota() < 1) return 'no quota';
  MailApp.sendEmail({ to: address, subject: email.subject, body: email.body, htmlBody: email.htmlBody, name: 'Touchpoint' });
  PropertiesService.getUserProperties().setProperty(SENT_KEY, String(context.today));
  return 'sent';
}

/** Menu: Help ▸ Send me the reminder email now. Whatever the day and the setting, to see what it says. */
export function sendReminderFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const say = (text: string): void => void ui.alert('Touchpoint', text, ui.ButtonSet.OK);
  try {
    const outcome = sendDigest(actionContext(), { force: true });
    const words: Partial<Record<DigestOutcome, string>> = {
      sent: `Sent the reminder to ${Session.getEffectiveUser().getEmail()}. It goes to you alone.`,
      'nothing due': 'Nobody is overdue or due this week and no letter is to be asked for, so there is no reminder to send.',
      'no address': 'Google did not give Touchpoint your address, so no reminder was sent.',
      'no quota': 'Google\'s daily email quota for this account is used up: the reminder goes tomorrow.',
    };
    say(words[outcome] ?? outcome);
  } catch (error) {
    if (error instanceof ScopeNotGrantedError) return say(error.message);
    throw error;
  }
}
