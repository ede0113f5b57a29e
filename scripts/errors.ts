/** A problem with how the tool was called (arguments, paths): exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'UsageError';
  }
}
