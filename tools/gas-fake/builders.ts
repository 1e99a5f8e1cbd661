/** SpreadsheetApp's builders and the immutable rules they build: data validation and conditional formats. */
import type { FakeRange } from './spreadsheet';

export type CriteriaType = 'VALUE_IN_LIST' | 'DATE_IS_VALID_DATE' | 'TEXT_IS_VALID_EMAIL' | 'NUMBER_BETWEEN' | 'CHECKBOX';

export interface SavedValidation {
  criteria: CriteriaType;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export class FakeDataValidation {
  readonly _className = 'DataValidation';
  constructor(
    private readonly criteria: CriteriaType,
    private readonly values: unknown[],
    private readonly allowInvalid: boolean,
    private readonly helpText: string,
  ) {}

  getCriteriaType(): CriteriaType {
    return this.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.values];
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  getHelpText(): string {
    return this.helpText;
  }

  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder(this.criteria, this.values, this.allowInvalid, this.helpText);
  }

  _export(): SavedValidation {
    return { criteria: this.criteria, values: this.values, allowInvalid: this.allowInvalid, helpText: this.helpText };
  }

  static _import(saved: SavedValidation): FakeDataValidation {
    return new FakeDataValidation(saved.criteria, saved.values, saved.allowInvalid, saved.helpText);
  }

  /** Whether a value passes, as Sheets judges it (the fake's preview and tests use this). */
  _accepts(value: unknown): boolean {
    if (value === '' || value === null || value === undefined) return true;
    switch (this.criteria) {
      case 'VALUE_IN_LIST':
        return (this.values[0] as unknown[]).map(String).includes(String(value));
      case 'DATE_IS_VALID_DATE':
        return Object.prototype.toString.call(value) === '[object Date]';
      case 'TEXT_IS_VALID_EMAIL':
        return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
      case 'NUMBER_BETWEEN':
        return typeof value === 'number' && value >= (this.values[0] as number) && value <= (this.values[1] as number);
      case 'CHECKBOX':
        return typeof value === 'boolean';
    }
  }
}

export class FakeDataValidationBuilder {
  readonly _className = 'DataValidationBuilder';
  constructor(
    private criteria: CriteriaType | null = null,
    private values: unknown[] = [],
    private allowInvalid = true,
    private helpText = '',
  ) {}

  requireValueInList(values: string[], showDropdown = true): this {
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }

  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }

  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }

  requireNumberBetween(start: number, end: number): this {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }

  requireCheckbox(): this {
    return this.set('CHECKBOX', []);
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): this {
    this.helpText = helpText;
    return this;
  }

  build(): FakeDataValidation {
    if (!this.criteria) throw new Error('You must set a criteria on the data validation rule before building it.');
    return new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText);
  }

  private set(criteria: CriteriaType, values: unknown[]): this {
    this.criteria = criteria;
    this.values = values;
    return this;
  }
}

export class FakeBooleanCondition {
  readonly _className = 'BooleanCondition';
  constructor(
    private readonly criteria: 'CUSTOM_FORMULA' | 'TEXT_EQUAL_TO',
    private readonly values: unknown[],
    private readonly background: string | null,
    private readonly fontColor: string | null,
  ) {}

  getCriteriaType(): string {
    return this.criteria;
  }

  getCriteriaValues(): unknown[] {
    return [...this.values];
  }

  getBackground(): string | null {
    return this.background;
  }

  getFontColor(): string | null {
    return this.fontColor;
  }
}

export class FakeConditionalFormatRule {
  readonly _className = 'ConditionalFormatRule';
  constructor(
    readonly _condition: FakeBooleanCondition,
    readonly _ranges: FakeRange[],
  ) {}

  getBooleanCondition(): FakeBooleanCondition {
    return this._condition;
  }

  getRanges(): FakeRange[] {
    return [...this._ranges];
  }

  copy(): FakeConditionalFormatRuleBuilder {
    const b = new FakeConditionalFormatRuleBuilder();
    const c = this._condition;
    const values = c.getCriteriaValues();
    if (c.getCriteriaType() === 'CUSTOM_FORMULA') b.whenFormulaSatisfied(String(values[0]));
    else b.whenTextEqualTo(String(values[0]));
    if (c.getBackground()) b.setBackground(c.getBackground());
    if (c.getFontColor()) b.setFontColor(c.getFontColor());
    return b.setRanges(this._ranges);
  }
}

export class FakeConditionalFormatRuleBuilder {
  readonly _className = 'ConditionalFormatRuleBuilder';
  private criteria: 'CUSTOM_FORMULA' | 'TEXT_EQUAL_TO' | null = null;
  private values: unknown[] = [];
  private background: string | null = null;
  private fontColor: string | null = null;
  private ranges: FakeRange[] = [];

  whenFormulaSatisfied(formula: string): this {
    this.criteria = 'CUSTOM_FORMULA';
    this.values = [formula];
    return this;
  }

  whenTextEqualTo(text: string): this {
    this.criteria = 'TEXT_EQUAL_TO';
    this.values = [text];
    return this;
  }

  setBackground(color: string | null): this {
    this.background = color;
    return this;
  }

  setFontColor(color: string | null): this {
    this.fontColor = color;
    return this;
  }

  setRanges(ranges: FakeRange[]): this {
    this.ranges = [...ranges];
    return this;
  }

  build(): FakeConditionalFormatRule {
    if (!this.criteria) throw new Error('You must set a condition on the conditional format rule before building it.');
    if (!this.ranges.length) throw new Error('A conditional format rule must have at least one range.');
    return new FakeConditionalFormatRule(new FakeBooleanCondition(this.criteria, this.values, this.background, this.fontColor), this.ranges);
  }
}
