/** The smaller Apps Script services, as documented: Ui and menus, HtmlService, Properties, Lock, Cache, Session, Utilities, ScriptApp. */
import { midnight, wallTime } from './time';
import { randomUUID } from 'crypto';
import { formatJavaDate } from './time';

export class FakeClock {
  private fixed: number | null;
  constructor(start?: Date) {
    this.fixed = start ? start.getTime() : null;
  }
  now(): Date {
    return new Date(this.fixed ?? Date.now());
  }
  set(date: Date): void {
    this.fixed = date.getTime();
  }
  advance(ms: number): void {
    this.fixed = (this.fixed ?? Date.now()) + ms;
  }
  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}

// ---------------------------------------------------------------------------------------------- Ui

export const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

export interface MenuEntry {
  caption: string;
  functionName?: string;
  separator?: boolean;
  submenu?: FakeMenu;
}

export class FakeMenu {
  readonly _className = 'Menu';
  readonly entries: MenuEntry[] = [];
  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {}
  addItem(caption: string, functionName: string): FakeMenu {
    this.entries.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this.entries.push({ caption: '', separator: true });
    return this;
  }
  addSubMenu(menu: FakeMenu): FakeMenu {
    this.entries.push({ caption: menu.caption, submenu: menu });
    return this;
  }
  addToUi(): void {
    this.ui._addMenu(this);
  }
}

export interface Alert {
  title: string;
  prompt: string;
  buttons: string;
}

export class FakeUi {
  readonly _className = 'Ui';
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  readonly menus: FakeMenu[] = [];
  readonly alerts: Alert[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: { output: FakeHtmlOutput; title: string; modal: boolean }[] = [];
  /** Answers the next alerts or prompts will get; OK when empty. */
  readonly responses: { button: string; text?: string }[] = [];

  constructor(private readonly addonName: string) {}

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this, caption);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this, this.addonName);
  }
  alert(a: string, b?: string, c?: string): string {
    const [title, prompt, buttons] = c !== undefined ? [a, b!, c] : b !== undefined && b in BUTTON_SET ? ['', a, b] : b !== undefined ? [a, b, 'OK'] : ['', a, 'OK'];
    this.alerts.push({ title, prompt, buttons });
    return this.responses.shift()?.button ?? BUTTON.OK;
  }
  prompt(a: string, b?: string, c?: string): { getResponseText(): string; getSelectedButton(): string } {
    const prompt = c !== undefined ? b! : a;
    this.alerts.push({ title: c !== undefined ? a : '', prompt, buttons: c ?? b ?? 'OK' });
    const response = this.responses.shift() ?? { button: BUTTON.OK, text: '' };
    return { getResponseText: () => response.text ?? '', getSelectedButton: () => response.button };
  }
  showSidebar(output: FakeHtmlOutput): void {
    this.sidebars.push(output);
  }
  showModalDialog(output: FakeHtmlOutput, title: string): void {
    this.dialogs.push({ output, title, modal: true });
  }
  showModelessDialog(output: FakeHtmlOutput, title: string): void {
    this.dialogs.push({ output, title, modal: false });
  }
  _addMenu(menu: FakeMenu): void {
    const existing = this.menus.findIndex((m) => m.caption === menu.caption);
    if (existing >= 0) this.menus.splice(existing, 1, menu);
    else this.menus.push(menu);
  }
  /** The function a menu item calls, found by its caption path ("Touchpoint", "Set up contact sheet"). */
  functionFor(menuCaption: string, itemCaption: string): string {
    const item = this.menus.find((m) => m.caption === menuCaption)?.entries.find((e) => e.caption === itemCaption);
    if (!item?.functionName) throw new Error(`No menu item "${menuCaption} ▸ ${itemCaption}"`);
    return item.functionName;
  }
}

// ---------------------------------------------------------------------------------------------- Html

export class FakeHtmlOutput {
  readonly _className = 'HtmlOutput';
  private title = '';
  private width = 0;
  private height = 0;
  constructor(private content = '') {}
  getContent(): string {
    return this.content;
  }
  setContent(content: string): FakeHtmlOutput {
    this.content = content;
    return this;
  }
  append(html: string): FakeHtmlOutput {
    this.content += html;
    return this;
  }
  setTitle(title: string): FakeHtmlOutput {
    this.title = title;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): FakeHtmlOutput {
    this.width = width;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): FakeHtmlOutput {
    this.height = height;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setSandboxMode(): FakeHtmlOutput {
    return this;
  }
  setXFrameOptionsMode(): FakeHtmlOutput {
    return this;
  }
  addMetaTag(): FakeHtmlOutput {
    return this;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

export class FakeHtmlTemplate {
  readonly _className = 'HtmlTemplate';
  [key: string]: unknown;
  constructor(private readonly _source: string) {}
  getCode(): string {
    return this._source;
  }
  /** Runs the scriptlets: <?= escaped ?>, <?!= raw ?>, <? code ?>, with the template's properties in scope. */
  evaluate(): FakeHtmlOutput {
    let code = 'let __out = "";\n';
    const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
    let last = 0;
    for (let match = pattern.exec(this._source); match; match = pattern.exec(this._source)) {
      code += `__out += ${JSON.stringify(this._source.slice(last, match.index))};\n`;
      if (match[1] === '=') code += `__out += __escape(String(${match[2]}));\n`;
      else if (match[1] === '!=') code += `__out += String(${match[2]});\n`;
      else code += `${match[2]}\n`;
      last = pattern.lastIndex;
    }
    code += `__out += ${JSON.stringify(this._source.slice(last))};\nreturn __out;`;
    const data: Record<string, unknown> = {};
    for (const key of Object.keys(this)) if (!key.startsWith('_')) data[key] = this[key];
    const render = new Function('__data', '__escape', `with (__data) {\n${code}\n}`);
    return new FakeHtmlOutput(render(data, escapeHtml) as string);
  }
}

export class FakeHtmlService {
  readonly _className = 'HtmlService';
  readonly SandboxMode = { IFRAME: 'IFRAME', NATIVE: 'NATIVE', EMULATED: 'EMULATED' };
  readonly XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' };
  constructor(readonly files: Map<string, string>) {}
  private source(filename: string): string {
    const source = this.files.get(filename.replace(/\.html$/, ''));
    if (source === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return source;
  }
  createHtmlOutput(html = ''): FakeHtmlOutput {
    return new FakeHtmlOutput(html);
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(this.source(filename));
  }
  createTemplate(html: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(html);
  }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(this.source(filename));
  }
}

// ---------------------------------------------------------------------------------------------- Properties

const MAX_PROPERTY_VALUE = 9 * 1024;

export class FakeProperties {
  readonly _className = 'Properties';
  readonly store = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: unknown): FakeProperties {
    const text = String(value);
    if (text.length > MAX_PROPERTY_VALUE) throw new Error('Argument too large: value');
    this.store.set(key, text);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): FakeProperties {
    if (deleteAllOthers) this.store.clear();
    for (const [key, value] of Object.entries(properties)) this.setProperty(key, value);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  deleteProperty(key: string): FakeProperties {
    this.store.delete(key);
    return this;
  }
  deleteAllProperties(): FakeProperties {
    this.store.clear();
    return this;
  }
}

export class FakePropertiesService {
  readonly _className = 'PropertiesService';
  readonly document = new FakeProperties();
  readonly script = new FakeProperties();
  private readonly users = new Map<string, FakeProperties>();
  /** User properties belong to the user running the script, as Google documents. */
  constructor(private readonly currentUser: () => string = () => '') {}
  get user(): FakeProperties {
    const who = this.currentUser();
    if (!this.users.has(who)) this.users.set(who, new FakeProperties());
    return this.users.get(who)!;
  }
  getDocumentProperties(): FakeProperties {
    return this.document;
  }
  getUserProperties(): FakeProperties {
    return this.user;
  }
  getScriptProperties(): FakeProperties {
    return this.script;
  }
}

// ---------------------------------------------------------------------------------------------- Lock

type Holder = 'this execution' | 'another execution' | null;

export class FakeLock {
  readonly _className = 'Lock';
  holder: Holder = null;
  /** Times this execution took the lock (tests check writes happened under it). */
  acquisitions = 0;
  tryLock(_timeoutInMillis: number): boolean {
    if (this.holder === 'another execution') return false;
    if (this.holder === null) this.acquisitions++;
    this.holder = 'this execution';
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.holder === 'this execution') this.holder = null;
  }
  hasLock(): boolean {
    return this.holder === 'this execution';
  }
  /** Simulates another execution (another tab, a trigger) holding the lock. */
  holdElsewhere(): void {
    this.holder = 'another execution';
  }
  releaseElsewhere(): void {
    if (this.holder === 'another execution') this.holder = null;
  }
}

export class FakeLockService {
  readonly _className = 'LockService';
  readonly document = new FakeLock();
  readonly script = new FakeLock();
  readonly user = new FakeLock();
  getDocumentLock(): FakeLock {
    return this.document;
  }
  getScriptLock(): FakeLock {
    return this.script;
  }
  getUserLock(): FakeLock {
    return this.user;
  }
}

// ---------------------------------------------------------------------------------------------- Cache

export class FakeCache {
  readonly _className = 'Cache';
  private readonly entries = new Map<string, { value: string; expires: number }>();
  constructor(private readonly clock: FakeClock) {}
  get(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry || entry.expires <= this.clock.now().getTime()) return null;
    return entry.value;
  }
  getAll(keys: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    if (key.length > 250) throw new Error('Argument too large: key');
    // Google: "The maximum length of a value is 100KB" (bytes: a non-Latin value holds fewer characters).
    if (Buffer.byteLength(String(value), 'utf8') > 100 * 1024) throw new Error('Argument too large: value');
    const seconds = Math.min(expirationInSeconds, 21_600);
    this.entries.set(key, { value: String(value), expires: this.clock.now().getTime() + seconds * 1000 });
  }
  putAll(values: Record<string, string>, expirationInSeconds = 600): void {
    for (const [key, value] of Object.entries(values)) this.put(key, value, expirationInSeconds);
  }
  remove(key: string): void {
    this.entries.delete(key);
  }
  removeAll(keys: string[]): void {
    keys.forEach((key) => this.entries.delete(key));
  }
}

export class FakeCacheService {
  readonly _className = 'CacheService';
  readonly document: FakeCache;
  readonly script: FakeCache;
  readonly user: FakeCache;
  constructor(clock: FakeClock) {
    this.document = new FakeCache(clock);
    this.script = new FakeCache(clock);
    this.user = new FakeCache(clock);
  }
  getDocumentCache(): FakeCache {
    return this.document;
  }
  getScriptCache(): FakeCache {
    return this.script;
  }
  getUserCache(): FakeCache {
    return this.user;
  }
}

// ---------------------------------------------------------------------------------------------- Session

export class FakeSession {
  readonly _className = 'Session';
  constructor(
    private readonly email: string,
    private readonly scriptTimeZone: string,
    /** The user's address needs the userinfo.email scope; without it Apps Script throws. */
    private readonly authorization: FakeAuthorization = new FakeAuthorization([USERINFO_EMAIL_SCOPE]),
  ) {}
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }
  getActiveUser(): { getEmail(): string } {
    this.authorization.require(USERINFO_EMAIL_SCOPE, 'Session.getActiveUser');
    return { getEmail: () => this.email };
  }
  getEffectiveUser(): { getEmail(): string } {
    this.authorization.require(USERINFO_EMAIL_SCOPE, 'Session.getEffectiveUser');
    return { getEmail: () => this.email };
  }
  getActiveUserLocale(): string {
    return 'en';
  }
  getTemporaryActiveUserKey(): string {
    return `temp-key-${this.email}`;
  }
}

// ---------------------------------------------------------------------------------------------- Utilities

function toSignedBytes(buffer: Buffer): number[] {
  return [...buffer].map((b) => (b > 127 ? b - 256 : b));
}

function bufferOf(data: string | number[]): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 0xff));
}

export class FakeBlob {
  readonly _className = 'Blob';
  constructor(
    private bytes: Buffer,
    private contentType: string | null,
    private name: string | null,
  ) {}
  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  getDataAsString(): string {
    return this.bytes.toString('utf8');
  }
  setDataFromString(text: string): FakeBlob {
    this.bytes = Buffer.from(text, 'utf8');
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string): FakeBlob {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): FakeBlob {
    this.name = name;
    return this;
  }
}

export class FakeUtilities {
  readonly _className = 'Utilities';
  readonly Charset = { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' };
  constructor(private readonly clock: FakeClock) {}
  formatDate(date: Date, timeZone: string, format: string): string {
    if (Object.prototype.toString.call(date) !== '[object Date]' || isNaN(date.getTime())) {
      throw new Error(`The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`);
    }
    return formatJavaDate(date, timeZone, format);
  }
  getUuid(): string {
    return randomUUID();
  }
  base64Encode(data: string | number[]): string {
    return bufferOf(data).toString('base64');
  }
  base64EncodeWebSafe(data: string | number[]): string {
    return bufferOf(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return toSignedBytes(Buffer.from(encoded, 'base64'));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }
  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    return new FakeBlob(bufferOf(data), contentType ?? null, name ?? null);
  }
  sleep(milliseconds: number): void {
    this.clock.advance(milliseconds);
  }
}

// ---------------------------------------------------------------------------------------------- Scopes

/**
 * What the user granted on Google's consent screen. Apps Script asks consent for the manifest's oauthScopes and no
 * others, so a scope outside the manifest is never granted. With granular consent a user may untick some of the
 * manifest's scopes; the script still runs, and a call needing a declined scope fails with Google's message.
 */
export class FakeAuthorization {
  readonly declined = new Set<string>();
  constructor(readonly manifestScopes: readonly string[] = []) {}
  granted(scope: string): boolean {
    return this.manifestScopes.includes(scope) && !this.declined.has(scope);
  }
  /** True when any of the scopes a method accepts (its reference page's "one of the following") is granted. */
  grantedAny(scopes: readonly string[]): boolean {
    return scopes.some((scope) => this.granted(scope));
  }
  require(scope: string, call: string): void {
    if (!this.granted(scope)) throw new Error(`Specified permissions are not sufficient to call ${call}. Required permissions: ${scope}`);
  }
}

export const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
export const USERINFO_EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';
export const SEND_MAIL_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';
export const GMAIL_COMPOSE_SCOPE = 'https://www.googleapis.com/auth/gmail.compose';

// ---------------------------------------------------------------------------------------------- ScriptApp

export const AUTH_MODE = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
const MAX_TRIGGERS = 20;

export class FakeTrigger {
  readonly _className = 'Trigger';
  constructor(
    private readonly id: string,
    private readonly handler: string,
    private readonly eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT',
    readonly schedule: { everyDays?: number; everyHours?: number; atHour?: number; nearMinute?: number; timeZone?: string },
    /** The user who created it: triggers are per user, and run as that user. */
    readonly owner: string = '',
  ) {}
  getUniqueId(): string {
    return this.id;
  }
  getHandlerFunction(): string {
    return this.handler;
  }
  getEventType(): string {
    return this.eventType;
  }
  getTriggerSource(): string {
    return this.eventType === 'CLOCK' ? 'CLOCK' : 'SPREADSHEETS';
  }

  /**
   * When a daily clock trigger fires in (from, to]: Google documents nearMinute as "plus or minus 15 minutes", so the
   * fake fires at the earliest, atHour:nearMinute − 15 min, of each day in the zone given by inTimezone() or else the
   * script project's time zone (appsscript.json): code that relies on a later time fails here as it could there.
   */
  _firesBetween(from: Date, to: Date, scriptTimeZone: string): Date[] {
    if (this.eventType !== 'CLOCK' || !this.schedule.everyDays) return [];
    const zone = this.schedule.timeZone ?? scriptTimeZone;
    const fires: Date[] = [];
    const start = wallTime(new Date(from.getTime() - 86_400_000), zone);
    for (let d = 0; d <= Math.ceil((to.getTime() - from.getTime()) / 86_400_000) + 1; d++) {
      const day = new Date(Date.UTC(start.year, start.month - 1, start.day + d));
      const local = midnight(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), zone);
      const at = new Date(local.getTime() + ((this.schedule.atHour ?? 0) * 60 + (this.schedule.nearMinute ?? 0) - 15) * 60_000);
      if (at > from && at <= to) fires.push(at);
    }
    return fires;
  }
}

class FakeClockTriggerBuilder {
  readonly _className = 'ClockTriggerBuilder';
  private readonly schedule: FakeTrigger['schedule'] = {};
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  everyDays(n: number): this {
    this.schedule.everyDays = n;
    return this;
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new Error('The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.schedule.everyHours = n;
    return this;
  }
  atHour(hour: number): this {
    if (hour < 0 || hour > 23) throw new Error('The hour must be between 0 and 23.');
    this.schedule.atHour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    this.schedule.nearMinute = minute;
    return this;
  }
  inTimezone(timeZone: string): this {
    this.schedule.timeZone = timeZone;
    return this;
  }
  create(): FakeTrigger {
    if (!this.schedule.everyDays && !this.schedule.everyHours) throw new Error('The trigger needs a frequency: everyDays or everyHours.');
    return this.app._add(this.handler, 'CLOCK', this.schedule);
  }
}

class FakeTriggerBuilder {
  readonly _className = 'TriggerBuilder';
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}
  timeBased(): FakeClockTriggerBuilder {
    return new FakeClockTriggerBuilder(this.app, this.handler);
  }
}

export class FakeScriptApp {
  readonly _className = 'ScriptApp';
  readonly AuthMode = AUTH_MODE;
  readonly EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT' };
  /** Every user's triggers; the script sees only its current user's, as Google documents for getProjectTriggers. */
  readonly triggers: FakeTrigger[] = [];
  private nextId = 1;
  readonly AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };
  constructor(
    public currentUser: string,
    readonly authorization = new FakeAuthorization([SCRIPTAPP_SCOPE]),
  ) {}
  newTrigger(functionName: string): FakeTriggerBuilder {
    this.authorization.require(SCRIPTAPP_SCOPE, 'ScriptApp.newTrigger');
    return new FakeTriggerBuilder(this, functionName);
  }
  /** "Gets all installable triggers associated with the current project and current user." */
  getProjectTriggers(): FakeTrigger[] {
    this.authorization.require(SCRIPTAPP_SCOPE, 'ScriptApp.getProjectTriggers');
    return this.triggers.filter((t) => t.owner === this.currentUser);
  }
  /**
   * Consent screens requireScopes asked Google to show (the execution ends there in Apps Script). The screen can
   * offer only the manifest's scopes: asking for one outside the manifest shows it, and it stays ungranted.
   */
  readonly consentRequested: string[][] = [];
  requireScopes(_authMode: string, oAuthScopes: string[]): void {
    if (oAuthScopes.some((scope) => !this.authorization.granted(scope))) this.consentRequested.push([...oAuthScopes]);
  }
  /**
   * Which of the scopes asked about (or the manifest's) the user granted; REQUIRED while any is missing. A scope
   * outside the manifest is never granted, so asking about one reports REQUIRED.
   */
  getAuthorizationInfo(_authMode: string, oAuthScopes?: string[]): object {
    const asked = oAuthScopes ?? [...this.authorization.manifestScopes];
    const granted = asked.filter((scope) => this.authorization.granted(scope));
    const missing = granted.length < asked.length;
    return {
      getAuthorizationStatus: () => (missing ? 'REQUIRED' : 'NOT_REQUIRED'),
      getAuthorizationUrl: () => (missing ? 'https://script.google.com/macros/d/fake-script-id/authorize' : null),
      getAuthorizedScopes: () => granted,
    };
  }
  getUserTriggers(): FakeTrigger[] {
    return this.getProjectTriggers();
  }
  deleteTrigger(trigger: FakeTrigger): void {
    this.authorization.require(SCRIPTAPP_SCOPE, 'ScriptApp.deleteTrigger');
    const index = this.triggers.findIndex((t) => t.getUniqueId() === trigger.getUniqueId());
    if (index >= 0) this.triggers.splice(index, 1);
  }
  getScriptId(): string {
    return 'fake-script-id';
  }
  _add(handler: string, eventType: 'CLOCK', schedule: FakeTrigger['schedule']): FakeTrigger {
    if (this.triggers.length >= MAX_TRIGGERS) {
      throw new Error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    const trigger = new FakeTrigger(String(this.nextId++), handler, eventType, { ...schedule }, this.currentUser);
    this.triggers.push(trigger);
    return trigger;
  }
}
