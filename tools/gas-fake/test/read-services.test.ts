/**
 * The Gmail read side, Calendar, MailApp and the manifest, as Google documents them: what each returns, and what
 * each refuses (the fake must never be more forgiving than Google).
 */
import { createFakeAppsScript, FakeOptions, MANIFEST_SCOPES } from '../index';
import { GoogleErrors } from '../errors';

const READONLY = 'https://www.googleapis.com/auth/gmail.readonly';
const COMPOSE = 'https://www.googleapis.com/auth/gmail.compose';
const METADATA = 'https://www.googleapis.com/auth/gmail.metadata';
const CALENDAR = 'https://www.googleapis.com/auth/calendar.events.readonly';
const SEND = 'https://www.googleapis.com/auth/script.send_mail';
const EMAIL = 'https://www.googleapis.com/auth/userinfo.email';
const NOW = new Date('2026-11-22T15:00:00Z');

/* eslint-disable @typescript-eslint/no-explicit-any */
function app(options: FakeOptions = {}) {
  const fake = createFakeAppsScript({
    now: NOW,
    manifest: { oauthScopes: [...MANIFEST_SCOPES, READONLY, CALENDAR, SEND, EMAIL], advancedServices: ['gmail', 'calendar'] },
    ...options,
  });
  const g = fake.globals as any;
  return { fake, Gmail: g.Gmail, Calendar: g.Calendar, MailApp: g.MailApp, Session: g.Session, ScriptApp: g.ScriptApp };
}

function ids(list: { messages?: { id: string }[] }): string[] {
  return (list.messages ?? []).map((m) => m.id);
}

describe('the manifest', () => {
  test('a scope outside the manifest is never granted: calls needing it fail, getAuthorizationInfo says REQUIRED', () => {
    const { fake, Gmail, ScriptApp } = app({ manifest: { oauthScopes: MANIFEST_SCOPES, advancedServices: ['gmail'] } });
    fake.mailbox.add({ from: 'maya@example.org', date: NOW });
    expect(() => Gmail.Users.Messages.list('me')).toThrow('API call to gmail.users.messages.list failed with error: Request had insufficient authentication scopes.');
    expect(fake.authorization.granted(READONLY)).toBe(false);
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL, [READONLY]);
    expect([info.getAuthorizationStatus(), info.getAuthorizedScopes()]).toEqual(['REQUIRED', []]);
    ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, [READONLY]);
    expect(fake.scriptApp.consentRequested).toEqual([[READONLY]]);
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe('NOT_REQUIRED');
  });

  test('an advanced service not enabled is no global at all; MailApp, a built-in service, is always there', () => {
    const { fake } = app({ manifest: { oauthScopes: MANIFEST_SCOPES, advancedServices: ['gmail'] } });
    expect('Calendar' in fake.globals).toBe(false);
    expect('Gmail' in fake.globals).toBe(true);
    const none = createFakeAppsScript({ manifest: { oauthScopes: MANIFEST_SCOPES, advancedServices: [] } });
    expect('Gmail' in none.globals).toBe(false);
    expect('MailApp' in none.globals).toBe(true);
  });

  test('the default manifest is appsscript.json\'s: Gmail only, no userinfo.email, so the user\'s address is refused', () => {
    const fake = createFakeAppsScript();
    expect('Calendar' in fake.globals).toBe(false);
    expect(() => fake.globals.Session.getEffectiveUser()).toThrow('Specified permissions are not sufficient to call Session.getEffectiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email');
    expect(() => fake.globals.Session.getActiveUser()).toThrow('Required permissions: https://www.googleapis.com/auth/userinfo.email');
    const { Session } = app();
    expect(Session.getEffectiveUser().getEmail()).toBe('resident@example.org');
  });
});

describe('Gmail: messages', () => {
  test('list: newest first, {id, threadId} only, no messages key when none, pages of maxResults, counted by Class.method', () => {
    const { fake, Gmail } = app();
    expect(Gmail.Users.Messages.list('me', { q: 'from:maya@example.org' })).toEqual({ resultSizeEstimate: 0 });
    const old = fake.mailbox.add({ from: 'Maya Okafor <Maya@Example.org>', to: 'resident@example.org', date: new Date('2026-10-01T12:00:00Z'), subject: 'Hello' });
    const recent = fake.mailbox.add({ from: 'maya@example.org', date: new Date('2026-11-20T12:00:00Z'), threadOf: old });
    fake.mailbox.add({ from: 'sam@example.org', date: new Date('2026-11-21T12:00:00Z') });
    const page1 = Gmail.Users.Messages.list('me', { q: 'from:maya@example.org', maxResults: 1 });
    expect(page1.messages).toEqual([{ id: recent, threadId: old }]);
    expect(page1.resultSizeEstimate).toBe(2);
    const page2 = Gmail.Users.Messages.list('me', { q: 'from:maya@example.org', maxResults: 1, pageToken: page1.nextPageToken });
    expect([ids(page2), page2.nextPageToken]).toEqual([[old], undefined]);
    expect(fake.counter.count('Gmail.Users.Messages.list')).toBe(3);
  });

  test('get: metadata with only the headers asked for; minimal without payload; internalDate as a string of ms; unknown id is 404', () => {
    const { fake, Gmail } = app();
    const id = fake.mailbox.add({ from: 'maya@example.org', to: ['resident@example.org'], cc: 'sam@example.org', date: NOW, subject: 'Hi', listId: '<list.example.org>', precedence: 'bulk' });
    const message = Gmail.Users.Messages.get('me', id, { format: 'metadata', metadataHeaders: ['From', 'subject'] });
    expect(message).toMatchObject({ id, threadId: id, labelIds: ['INBOX', 'UNREAD'], internalDate: String(NOW.getTime()) });
    expect(message.payload.headers).toEqual([{ name: 'From', value: 'maya@example.org' }, { name: 'Subject', value: 'Hi' }]);
    const all = Gmail.Users.Messages.get('me', id, { format: 'metadata' }).payload.headers.map((h: { name: string }) => h.name);
    expect(all).toEqual(['Date', 'From', 'To', 'Cc', 'Subject', 'List-Id', 'Precedence']);
    expect(Gmail.Users.Messages.get('me', id, { format: 'minimal' }).payload).toBeUndefined();
    let error: any;
    try {
      Gmail.Users.Messages.get('me', 'ffff000000000000');
    } catch (e) {
      error = e;
    }
    expect(error.message).toBe('API call to gmail.users.messages.get failed with error: Requested entity was not found.');
    expect([error.name, error.details.code]).toEqual(['GoogleJsonResponseException', 404]);
  });

  test('drafts are messages with the DRAFT label, listed by messages.list as Gmail lists them; -in:drafts leaves them out', () => {
    const { fake, Gmail } = app();
    const raw = Buffer.from('To: maya@example.org\r\nSubject: Draft\r\n\r\nBody').toString('base64url');
    const draft = Gmail.Users.Drafts.create({ message: { raw } }, 'me');
    expect(Gmail.Users.Messages.list('me').messages).toEqual([{ id: draft.message.id, threadId: draft.message.threadId }]);
    expect(Gmail.Users.Messages.list('me', { q: 'to:maya@example.org -in:drafts' })).toEqual({ resultSizeEstimate: 0 });
    expect(Gmail.Users.Messages.get('me', draft.message.id, { format: 'minimal' }).labelIds).toEqual(['DRAFT']);
    Gmail.Users.Drafts.remove('me', draft.id);
    expect(fake.mailbox.messages).toEqual([]);
  });

  test('spam and trash are left out unless includeSpamTrash', () => {
    const { fake, Gmail } = app();
    fake.mailbox.add({ from: 'x@example.org', date: NOW, labelIds: ['SPAM'] });
    expect(Gmail.Users.Messages.list('me').resultSizeEstimate).toBe(0);
    expect(Gmail.Users.Messages.list('me', { q: 'in:anywhere' }).resultSizeEstimate).toBe(0);
    expect(Gmail.Users.Messages.list('me', { includeSpamTrash: true }).resultSizeEstimate).toBe(1);
  });

  test('only gmail.compose: getProfile works, reading messages does not; only gmail.metadata: no q, no full format', () => {
    const compose = app({ manifest: { oauthScopes: [COMPOSE], advancedServices: ['gmail'] } });
    expect(compose.Gmail.Users.getProfile('me')).toMatchObject({ emailAddress: 'resident@example.org', messagesTotal: 0, threadsTotal: 0 });
    expect(() => compose.Gmail.Users.Messages.list('me')).toThrow('insufficient authentication scopes');
    const metadata = app({ manifest: { oauthScopes: [METADATA], advancedServices: ['gmail'] } });
    const id = metadata.fake.mailbox.add({ from: 'maya@example.org', date: NOW });
    expect(() => metadata.Gmail.Users.Messages.list('me', { q: 'from:maya@example.org' })).toThrow("Metadata scope does not support 'q' parameter");
    expect(() => metadata.Gmail.Users.Messages.get('me', id)).toThrow("Metadata scope doesn't allow format FULL");
    expect(metadata.Gmail.Users.Messages.get('me', id, { format: 'metadata' }).id).toBe(id);
  });

  test('getProfile counts messages and threads and gives the current historyId', () => {
    const { fake, Gmail } = app();
    const first = fake.mailbox.add({ from: 'a@example.org', date: NOW });
    fake.mailbox.add({ from: 'resident@example.org', to: 'a@example.org', date: NOW, threadOf: first });
    const profile = Gmail.Users.getProfile('me');
    expect(profile).toEqual({ emailAddress: 'resident@example.org', messagesTotal: 2, threadsTotal: 1, historyId: String(fake.mailbox.historyId) });
    expect(fake.counter.count('Gmail.Users.getProfile')).toBe(1);
  });
});

describe('Gmail: search', () => {
  function mailbox() {
    const fixture = app();
    const add = (from: string, date: string, extra: object = {}) => fixture.fake.mailbox.add({ from, date: new Date(date), ...extra });
    const m = {
      maya: add('"Okafor, Maya" <maya@example.org>', '2026-11-01T12:00:00Z', { to: 'resident@example.org' }),
      sent: add('resident@example.org', '2026-11-10T12:00:00Z', { to: 'sam@example.org', cc: 'maya@example.org' }),
      bulk: add('news@list.example.com', '2026-11-20T12:00:00Z', { listId: '<news.example.com>' }),
      chat: add('sam@example.org', '2026-11-21T12:00:00Z', { labelIds: ['CHAT'] }),
    };
    const search = (q: string) => ids(fixture.Gmail.Users.Messages.list('me', { q })).sort();
    return { m, search, Gmail: fixture.Gmail };
  }

  test('addresses match case-insensitively inside "Name <addr>"; to: also finds Cc; {a b} and OR are any-of; - is not', () => {
    const { m, search } = mailbox();
    expect(search('from:MAYA@example.org')).toEqual([m.maya]);
    expect(search('to:maya@example.org')).toEqual([m.sent]);
    expect(search('cc:maya@example.org')).toEqual([m.sent]);
    expect(search('{from:maya@example.org to:maya@example.org}')).toEqual([m.maya, m.sent].sort());
    expect(search('from:maya@example.org OR to:maya@example.org')).toEqual([m.maya, m.sent].sort());
    expect(search('from:(maya@example.org OR sam@example.org)')).toEqual([m.maya, m.chat].sort());
    expect(search('from:@example.org -is:chat')).toEqual([m.maya, m.sent].sort());
    expect(search('from:me')).toEqual([m.sent]);
    expect(search('in:sent')).toEqual([m.sent]);
    expect(search('(from:sam@example.org) -in:chats')).toEqual([]);
  });

  test('after:/before: are midnight Pacific time (the filtering guide\'s "PST"); seconds work too; newer_than counts back from now', () => {
    const { m, search } = mailbox();
    expect(search('after:2026/11/10 before:2026/11/21')).toEqual([m.sent, m.bulk].sort());
    expect(search('after:11/20/2026')).toEqual([m.bulk, m.chat].sort());
    // 2026-11-21T12:00Z is 04:00 on the 21st in Los Angeles: before:2026/11/21 excludes it.
    expect(search('before:2026/11/21 after:2026/11/20')).toEqual([m.bulk]);
    expect(search(`after:${Date.parse('2026-11-20T13:00:00Z') / 1000}`)).toEqual([m.chat]);
    expect(search('newer_than:3d')).toEqual([m.bulk, m.chat].sort());
    expect(search('older_than:1m')).toEqual([]);
  });

  test('what the fake cannot answer it refuses, rather than answering wrongly (Gmail would search it as text)', () => {
    const { search } = mailbox();
    for (const q of ['hello', 'subject:dinner', 'from:maya', 'list:news.example.com', 'after:2026-11-01', 'newer_than:2w', 'from:(maya@example.org', '"exact phrase"']) {
      expect(() => search(q)).toThrow(/gas-fake: the Gmail query .* is outside the subset/);
    }
  });
});

describe('Gmail: threads and history', () => {
  test('threads.list finds threads with a matching message; threads.get returns its messages oldest first', () => {
    const { fake, Gmail } = app();
    const first = fake.mailbox.add({ from: 'maya@example.org', date: new Date('2026-11-01T00:00:00Z') });
    const reply = fake.mailbox.add({ from: 'resident@example.org', to: 'maya@example.org', date: new Date('2026-11-02T00:00:00Z'), threadOf: first });
    expect(Gmail.Users.Threads.list('me', { q: 'to:maya@example.org' }).threads.map((t: { id: string }) => t.id)).toEqual([first]);
    const thread = Gmail.Users.Threads.get('me', first, { format: 'metadata', metadataHeaders: ['From'] });
    expect(thread.messages.map((x: { id: string }) => x.id)).toEqual([first, reply]);
    expect(thread.messages[1].payload.headers).toEqual([{ name: 'From', value: 'resident@example.org' }]);
    expect(() => Gmail.Users.Threads.get('me', 'ffff000000000000')).toThrow('Requested entity was not found.');
  });

  test('history.list: records after startHistoryId, oldest first, with messagesAdded; expired, future or bad ids refused', () => {
    const { fake, Gmail } = app();
    const start = Gmail.Users.getProfile('me').historyId;
    const a = fake.mailbox.add({ from: 'maya@example.org', date: NOW });
    const b = fake.mailbox.add({ from: 'sam@example.org', date: NOW, labelIds: ['SENT'] });
    const result = Gmail.Users.History.list('me', { startHistoryId: start, historyTypes: ['messageAdded'] });
    expect(result.history.map((h: any) => h.messagesAdded[0].message.id)).toEqual([a, b]);
    expect(result.history[0].messagesAdded[0].message).toEqual({ id: a, threadId: a, labelIds: ['INBOX', 'UNREAD'] });
    expect(result.historyId).toBe(String(fake.mailbox.historyId));
    expect(Number(result.history[1].id)).toBeGreaterThan(Number(result.history[0].id));
    expect(Gmail.Users.History.list('me', { startHistoryId: start, labelId: 'SENT' }).history).toHaveLength(1);
    expect(Gmail.Users.History.list('me', { startHistoryId: result.historyId })).toEqual({ historyId: result.historyId });
    expect(() => Gmail.Users.History.list('me', { startHistoryId: String(fake.mailbox.historyId + 1000) })).toThrow('Requested entity was not found.');
    expect(() => Gmail.Users.History.list('me', { startHistoryId: 'abc' })).toThrow(`Invalid value at 'start_history_id' (TYPE_UINT64), "abc"`);
    fake.mailbox.expireHistory();
    let error: any;
    try {
      Gmail.Users.History.list('me', { startHistoryId: start });
    } catch (e) {
      error = e;
    }
    expect(error.message).toBe('API call to gmail.users.history.list failed with error: Requested entity was not found.');
    expect(error.details.code).toBe(404);
    expect(Gmail.Users.History.list('me', { startHistoryId: String(fake.mailbox.historyId) }).history).toBeUndefined();
  });

  test('faults: a 429 at the nth call; beforeCall moves the clock per call', () => {
    const { fake, Gmail } = app();
    fake.mailbox.failOnCall('Messages.get', 2, GoogleErrors.gmailRateLimit('gmail.users.messages.get', new Date('2026-11-22T15:01:00Z')));
    const id = fake.mailbox.add({ from: 'maya@example.org', date: NOW });
    fake.mailbox.beforeCall = () => fake.clock.advance(1000);
    Gmail.Users.Messages.get('me', id);
    expect(() => Gmail.Users.Messages.get('me', id)).toThrow('User-rate limit exceeded.  Retry after 2026-11-22T15:01:00.000Z');
    expect(fake.clock.now().toISOString()).toBe('2026-11-22T15:00:02.000Z');
  });
});

describe('Calendar', () => {
  function calendar() {
    const fixture = app();
    const c = fixture.fake.calendar;
    const meeting = c.add({ summary: 'Mentor meeting', start: new Date('2026-11-25T15:00:00Z'), end: new Date('2026-11-25T16:00:00Z'), attendees: [{ email: 'maya@example.org', responseStatus: 'accepted' }, { email: 'resident@example.org', responseStatus: 'accepted' }] });
    const allDay = c.add({ summary: 'Conference', start: { date: '2026-11-20' }, end: { date: '2026-11-21' } });
    return { ...fixture, c, meeting, allDay, list: (o: object = {}) => fixture.Calendar.Events.list('primary', o) };
  }

  test('events.list: timeMin bounds the end, timeMax the start; dateTime in the calendar\'s zone; attendees; counted', () => {
    const { list, meeting, allDay, fake } = calendar();
    const all = list({ timeMin: '2026-11-01T00:00:00Z', timeMax: '2026-12-01T00:00:00Z', singleEvents: true, orderBy: 'startTime' });
    expect(all.items.map((e: { id: string }) => e.id)).toEqual([allDay, meeting]);
    expect(all.items[1]).toMatchObject({ status: 'confirmed', summary: 'Mentor meeting', start: { dateTime: '2026-11-25T10:00:00-05:00' }, organizer: { email: 'resident@example.org', self: true } });
    expect(all.items[1].attendees[1]).toEqual({ email: 'resident@example.org', responseStatus: 'accepted', self: true });
    expect(all.items[0].start).toEqual({ date: '2026-11-20' });
    expect(list({ timeMin: '2026-11-25T16:00:00Z' }).items).toEqual([]);
    expect(all.nextSyncToken).toBeDefined();
    expect(fake.counter.count('Calendar.Events.list')).toBe(2);
  });

  test('refuses what Google refuses: syncToken with timeMin/orderBy/updatedMin or showDeleted false; orderBy startTime without singleEvents; an empty range', () => {
    const { list } = calendar();
    const token = list().nextSyncToken;
    for (const extra of [{ timeMin: '2026-11-01T00:00:00Z' }, { timeMax: '2026-11-01T00:00:00Z' }, { orderBy: 'updated' }, { updatedMin: '2026-11-01T00:00:00Z' }, { showDeleted: false }]) {
      expect(() => list({ syncToken: token, ...extra })).toThrow('API call to calendar.events.list failed with error: Sync token cannot be used with other request restrictions.');
    }
    expect(() => list({ orderBy: 'startTime' })).toThrow('The requested ordering is not available for the particular query.');
    expect(() => list({ timeMin: '2026-11-02T00:00:00Z', timeMax: '2026-11-01T00:00:00Z' })).toThrow('The specified time range is empty.');
    expect(() => list({ timeMin: '2026-11-01' })).toThrow('Bad Request');
  });

  test('incremental sync: changes since the token, cancelled ones with status "cancelled"; nextSyncToken on the last page only; expired token is 410', () => {
    const { list, c, meeting, allDay } = calendar();
    const first = list({ maxResults: 1 });
    expect([first.items.length, first.nextSyncToken]).toEqual([1, undefined]);
    const token = list({ maxResults: 1, pageToken: first.nextPageToken }).nextSyncToken;
    expect(list({ syncToken: token }).items).toEqual([]);
    c.update(meeting, { summary: 'Mentor meeting (moved)' });
    c.cancel(allDay);
    const changes = list({ syncToken: token });
    expect(changes.items.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([[meeting, 'confirmed'], [allDay, 'cancelled']]);
    expect(list().items.map((e: { id: string }) => e.id)).toEqual([meeting]);
    expect(list({ showDeleted: true }).items).toHaveLength(2);
    c.expireSyncTokens();
    let error: any;
    try {
      list({ syncToken: changes.nextSyncToken });
    } catch (e) {
      error = e;
    }
    expect(error.message).toBe('API call to calendar.events.list failed with error: Sync token is no longer valid, a full sync is required.');
    expect(error.details.code).toBe(410);
    expect(list({ syncToken: list().nextSyncToken }).items).toEqual([]);
  });

  test('needs a Calendar scope; faults and beforeCall as for Gmail', () => {
    const without = app({ manifest: { oauthScopes: MANIFEST_SCOPES, advancedServices: ['calendar'] } });
    expect(() => without.Calendar.Events.list('primary')).toThrow('insufficient authentication scopes');
    const { fake, list } = calendar();
    fake.calendar.failOnCall('Events.list', 1, GoogleErrors.calendarRateLimit());
    expect(() => list()).toThrow('Rate Limit Exceeded');
    expect(list().items).toHaveLength(2);
  });
});

describe('MailApp', () => {
  test('sendEmail in its overloads; what was sent is recorded (the mailbox is left alone: see the README)', () => {
    const { fake, MailApp, Gmail } = app();
    MailApp.sendEmail({ to: 'maya@example.org', subject: 'Hi', body: 'Plain', htmlBody: '<b>Hi</b>', name: 'Resident' });
    MailApp.sendEmail('sam@example.org', 'Two', 'Body two');
    MailApp.sendEmail('sam@example.org', 'Three', 'Body three', { cc: 'maya@example.org', replyTo: 'me@example.org' });
    MailApp.sendEmail('sam@example.org', 'reply@example.org', 'Four', 'Body four');
    expect(fake.mail.sent.map((m) => [m.to, m.subject, m.body, m.replyTo, m.cc])).toEqual([
      ['maya@example.org', 'Hi', 'Plain', '', ''],
      ['sam@example.org', 'Two', 'Body two', '', ''],
      ['sam@example.org', 'Three', 'Body three', 'me@example.org', 'maya@example.org'],
      ['sam@example.org', 'Four', 'Body four', 'reply@example.org', ''],
    ]);
    expect(fake.mail.sent[0]).toMatchObject({ htmlBody: '<b>Hi</b>', name: 'Resident' });
    expect(MailApp.getRemainingDailyQuota()).toBe(100 - 5);
    expect(Gmail.Users.Messages.list('me').resultSizeEstimate).toBe(0);
    expect(() => MailApp.sendEmail('not an address', 'x', 'y')).toThrow('Invalid email: not an address');
  });

  test('100 recipients a day on a consumer account, counted per recipient, reset 24 hours after the first send', () => {
    const { fake, MailApp } = app();
    for (let i = 0; i < 99; i++) MailApp.sendEmail(`p${i}@example.org`, 's', 'b');
    expect(() => MailApp.sendEmail({ to: 'a@example.org, b@example.org', subject: 's', body: 'b' })).toThrow('Service invoked too many times for one day: email.');
    MailApp.sendEmail('last@example.org', 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    fake.clock.advance(24 * 3600_000);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    const many = Array.from({ length: 51 }, (_, i) => `q${i}@example.org`).join(',');
    expect(() => MailApp.sendEmail(many, 's', 'b')).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(app({ account: 'workspace' }).MailApp.getRemainingDailyQuota()).toBe(1500);
  });

  test('needs script.send_mail, which is not in the project\'s manifest; faults at the nth call', () => {
    const plain = createFakeAppsScript();
    expect(() => plain.globals.MailApp.sendEmail('a@example.org', 's', 'b')).toThrow('Specified permissions are not sufficient to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail');
    const { fake, MailApp } = app();
    fake.mail.failOnCall('sendEmail', 1, GoogleErrors.mailQuota());
    expect(() => MailApp.sendEmail('a@example.org', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    expect(fake.mail.sent).toEqual([]);
    expect(fake.counter.count('MailApp.sendEmail')).toBe(1);
  });

  test('a custom function may call none of them', () => {
    const { fake, MailApp, Calendar } = app();
    fake.counter.asCustomFunction(() => {
      expect(() => MailApp.getRemainingDailyQuota()).toThrow('You do not have permission to call MailApp.getRemainingDailyQuota');
      expect(() => Calendar.Events.list('primary')).toThrow('You do not have permission to call Calendar.Events.list');
    });
  });
});

test('messages.get honours Google\'s `fields` partial response: only what is listed comes back', () => {
  const fake = createFakeAppsScript({ manifest: { oauthScopes: [...MANIFEST_SCOPES, 'https://www.googleapis.com/auth/gmail.readonly'], advancedServices: ['gmail'] } });
  const id = fake.mailbox.add({ from: 'a@example.org', to: 'resident@example.org', date: new Date('2026-11-01T10:00:00Z'), subject: 'Hi', body: 'Private text' });
  const message = fake.globals.Gmail.Users.Messages.get('me', id, { format: 'metadata', metadataHeaders: ['From'], fields: 'id,internalDate,payload/headers' }) as Record<string, unknown>;
  expect(Object.keys(message).sort()).toEqual(['id', 'internalDate', 'payload']);
  expect(message.payload).toEqual({ headers: [{ name: 'From', value: 'a@example.org' }] });
  expect(JSON.stringify(message)).not.toContain('Private text');
});
