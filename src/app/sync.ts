import { Contact, ContactPatch, InteractionLine } from '../core/contacts';
import { Day, formatIsoDay } from '../core/dates';
import { contactsByAddress, Sighting } from '../core/sync';
import { logged } from './actions';

/**
 * What sync does with what it saw: one Interactions line per contact, day and channel (a conversation of ten
 * emails on one day is one line, under the newest subject), and Last contact moved forward (never back), with
 * Snoozed until cleared, as when logging by hand. What the Interactions sheet already has is not logged again.
 */
interface SyncDecision {
  changes: { contact: Contact; patch: ContactPatch }[];
  interactions: InteractionLine[];
}

/** The Interactions sheet's synced lines, as sync needs to know them. */
export interface LoggedAlready {
  sourceIds: ReadonlySet<string>;
  /** `${contactId}|${ISO day}|${channel}` of every line. */
  days: ReadonlySet<string>;
}

export function dayKey(contactId: string, day: Day, channel: string): string {
  return `${contactId}|${formatIsoDay(day)}|${channel}`;
}

function summaryOf(sighting: Sighting, subjects: boolean): string {
  if (!subjects) return sighting.channel;
  return sighting.title.trim() || (sighting.channel === 'Email' ? '(no subject)' : 'Meeting');
}

export function decideSync(contacts: readonly Contact[], sightings: readonly Sighting[], already: LoggedAlready, subjects: boolean): SyncDecision {
  const byAddress = contactsByAddress(contacts);
  // The newest sighting per contact, day and channel.
  const newest = new Map<string, { contact: Contact; sighting: Sighting }>();
  for (const sighting of sightings) {
    if (already.sourceIds.has(sighting.sourceId)) continue;
    const people = new Set(sighting.addresses.flatMap((address) => byAddress.get(address) ?? []));
    for (const contact of people) {
      const key = dayKey(contact.id, sighting.day, sighting.channel);
      if (already.days.has(key)) continue;
      const current = newest.get(key);
      if (!current || sighting.at > current.sighting.at) newest.set(key, { contact, sighting });
    }
  }
  const interactions: InteractionLine[] = [];
  const latest = new Map<Contact, { day: Day; at: number; summary: string }>();
  for (const { contact, sighting } of [...newest.values()].sort((a, b) => a.sighting.at - b.sighting.at)) {
    const summary = summaryOf(sighting, subjects);
    interactions.push({ date: sighting.day, contactId: contact.id, name: contact.name, channel: sighting.channel, summary, sourceId: sighting.sourceId });
    const seen = latest.get(contact);
    if (!seen || sighting.at > seen.at) latest.set(contact, { day: sighting.day, at: sighting.at, summary });
  }
  const changes: SyncDecision['changes'] = [];
  for (const [contact, { day, summary }] of latest) {
    const patch = logged(contact, day, summary);
    if (patch) changes.push({ contact, patch });
  }
  return { changes, interactions };
}
