import { Day, formatLongDay } from '../core/dates';
import { escapeHtml } from '../core/mime';
import { DigestSchedule, WEEKDAYS } from '../core/settings';
import type { ContactCard, LetterCard, SidebarModel } from '../shared/rpc';

/**
 * The reminder email, to the user alone: who is overdue, who is due this week and which letters to ask for,
 * each with its reason, and a link to the sheet. None when nothing is due.
 */
interface DigestEmail {
  subject: string;
  body: string;
  htmlBody: string;
}

interface Section {
  title: string;
  lines: string[];
}

function contactLine(card: ContactCard): string {
  const who = [card.name, card.subtitle].filter(Boolean).join(', ');
  return `${who}: ${card.reason}`;
}

function letterLine(letter: LetterCard): string {
  return `${letter.name}, letter for ${letter.letterFor || 'a letter of recommendation'}: ${letter.reason}`;
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** When the reminder is due: every day, or on its weekday (0 = Sunday) in the spreadsheet's time zone. */
export function digestDue(schedule: DigestSchedule, weekday: number): boolean {
  return schedule === 'daily' || schedule === weekday;
}

function scheduleWords(schedule: DigestSchedule): string {
  return schedule === 'daily' ? 'Daily' : typeof schedule === 'number' ? WEEKDAYS[schedule] : 'Off';
}

/** The email for a sidebar model, or null when nobody is overdue or due and no letter is to be asked for. */
export function digestOf(model: SidebarModel, input: { today: Day; sheetName: string; sheetUrl: string; schedule: DigestSchedule }): DigestEmail | null {
  const letters = model.letters.filter((letter) => letter.status === 'To ask');
  const sections: Section[] = [
    { title: `Overdue (${model.overdue.length})`, lines: model.overdue.map(contactLine) },
    { title: `Due this week (${model.dueThisWeek.length})`, lines: model.dueThisWeek.map(contactLine) },
    { title: `Letters to ask for (${letters.length})`, lines: letters.map(letterLine) },
  ].filter((section) => section.lines.length);
  if (!sections.length) return null;
  const counts = [
    model.overdue.length ? count(model.overdue.length, 'overdue', 'overdue') : '',
    model.dueThisWeek.length ? count(model.dueThisWeek.length, 'due this week', 'due this week') : '',
    letters.length ? count(letters.length, 'letter to ask for', 'letters to ask for') : '',
  ].filter(Boolean);
  const subject = `Touchpoint: ${counts.join(', ')}`;
  const intro = `Your follow-ups in ${input.sheetName} on ${formatLongDay(input.today)}.`;
  const footer = input.schedule === 'off'
    ? 'You asked for this one (Touchpoint ▸ Help ▸ Send me the reminder email now). Settings ▸ Reminder email is Off, so no other is sent. Only you receive it.'
    : `You get this because Settings ▸ Reminder email is ${scheduleWords(input.schedule)}. Set it to Off to stop. Only you receive it.`;
  const body = [
    intro,
    ...sections.map((section) => [section.title, ...section.lines.map((line) => `- ${line}`)].join('\n')),
    `Open the sheet: ${input.sheetUrl}`,
    footer,
  ].join('\n\n');
  const htmlBody = [
    `<p>${escapeHtml(intro)}</p>`,
    ...sections.map((section) => `<h3>${escapeHtml(section.title)}</h3>\n<ul>\n${section.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('\n')}\n</ul>`),
    `<p><a href="${escapeHtml(input.sheetUrl)}">Open ${escapeHtml(input.sheetName)}</a></p>`,
    `<p style="color:#5f6368;font-size:small">${escapeHtml(footer)}</p>`,
  ].join('\n');
  return { subject, body, htmlBody };
}
