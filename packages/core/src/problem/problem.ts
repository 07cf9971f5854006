import { PROBLEMS } from './problem.codes.js';
import type { ErrorCode, ProblemCode } from './problem.codes.js';

export * from './problem.codes.js';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  field?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

/**
 * `code` in the fields of a problem: a literal must be an ErrorCode (a misspelt one fails `tsc`); a code computed at
 * run time (typed `string`, such as an error's own code) is let through.
 */
export type KnownCode<C extends string> = string extends C ? C : C extends ErrorCode ? C : ErrorCode;

/** What a thrower may add to or change in a problem: `code` a more precise one (SPECIFIC_CODES), `detail`, `field`…. */
export interface ProblemExtra<C extends string = never> {
  type?: string;
  title?: string;
  status?: number;
  code?: KnownCode<C>;
  detail?: string;
  field?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function problem<C extends string = never>(code: ProblemCode, extra: ProblemExtra<C> = {}): Problem {
  const p = PROBLEMS[code];
  return { type: `urn:quyche:problem:${code.toLowerCase()}`, title: p.vi, status: p.status, code, ...extra };
}

/** A business error carried through the service layer and rendered as problem+json. */
export class ProblemError<C extends string = never> extends Error {
  readonly problem: Problem;
  constructor(code: ProblemCode | Problem, extra: ProblemExtra<C> = {}) {
    const p = typeof code === 'string' ? problem(code, extra) : { ...code, ...extra };
    super(p.detail ?? p.title);
    this.problem = p;
  }
}

/** A field of the request that fails a check against the data (VALIDATION_FAILED at that field). */
export function invalidField(field: string, detail: string): ProblemError {
  return new ProblemError('VALIDATION_FAILED', { field, detail });
}

/** A business rule the request breaks (RULE_VIOLATION, its precise code), told at `field`: the body unless named. */
export function ruleViolation(code: ErrorCode, detail: string, field = 'body'): ProblemError {
  return new ProblemError<ErrorCode>('RULE_VIOLATION', { code, field, detail });
}
