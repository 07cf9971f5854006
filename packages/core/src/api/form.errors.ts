import type { z } from 'zod';
import { fieldLabelVi } from './form.labels.js';
import { ISSUE_PARSE, issueMessage } from './validation.messages.js';
import type { IssueLike } from './validation.messages.js';

/** One refused field: its path in the body (`items.0.dueDate`) and the sentence that names it by its label. */
export interface FormFieldError {
  path: string;
  message: string;
}

const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * What `schema` refuses in `value`, field by field, in the words the API uses for the same schema ("Tên cuộc họp
 * tối đa 500 ký tự"): the web checks a form against the schema the route parses with before sending it, and the
 * server answers a request that skipped the form with the same sentences.
 */
export function fieldErrors(schema: z.ZodType, value: unknown): FormFieldError[] {
  const r = schema.safeParse(value, ISSUE_PARSE);
  if (r.success) return [];
  return r.error.issues.map((i) => {
    const path = i.path.map(String);
    const keys = i.code === 'unrecognized_keys' ? [...path, i.keys[0]!] : path;
    return { path: keys.join('.'), message: cap(issueMessage(i as IssueLike, fieldLabelVi(i.path, schema, 'body'))) };
  });
}

/** The same, one message a field (the first), keyed by path: the shape a form library shows beside its inputs. */
export function formErrors(schema: z.ZodType, value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fieldErrors(schema, value)) out[e.path] ??= e.message;
  return out;
}
