// The typed error every handler returns instead of throwing across the process boundary.

export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'conflict',
  'not-a-database',
  'database-too-new',
  'database-corrupt',
  'not-writable',
  'disk-full',
  'invalid-file',
  'too-large',
  'cancelled',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Thrown inside main; turned into an `AppErrorShape` at the handler boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
