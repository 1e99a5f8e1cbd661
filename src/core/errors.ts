/** A cell or argument holds a value Touchpoint cannot use. The message says what was found and what is expected. */
export class InvalidValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidValueError';
  }
}

export function isInvalidValueError(error: unknown): error is InvalidValueError {
  return error instanceof Error && error.name === 'InvalidValueError';
}
