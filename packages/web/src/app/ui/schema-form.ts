import { useForm } from '@mantine/form';
import type { UseFormReturnType } from '@mantine/form';
import type { FormEvent, ReactNode } from 'react';
import type { z } from 'zod';
import { formErrors } from '@quyche/core';

/** Where an error on a field the form does not show (an id the page fills in) is kept, for `FormProblem`. */
export const OTHER_FIELDS = '_';

export type SchemaForm<V, S extends z.ZodType> = UseFormReturnType<V> & {
  /** The submit handler of the `<form>`: checks the body against the schema, and sends it only if it passes. */
  submitBody: (send: (body: z.input<S>) => void) => (e?: FormEvent<HTMLFormElement>) => void;
  /** Value, change and error of a field whose input speaks a string (our date and time fields). */
  valueProps: (path: string) => { value: string; onChange: (v: string) => void; error?: ReactNode };
};

/**
 * A form bound to the schema its route parses with: `toBody` turns the inputs into the request body (typed by the
 * schema), which is checked against `schema` before anything is sent; each refused field gets, beside its input, the
 * sentence the API would answer ("Thiếu Lý do dời ngày họp"), so that nothing the server would refuse is sent and
 * nothing typed is lost. An error on a field without an input of its own goes under OTHER_FIELDS.
 */
export function useSchemaForm<V extends Record<string, unknown>, S extends z.ZodType>(
  schema: S,
  initialValues: V,
  toBody: (values: V) => z.input<S>,
): SchemaForm<V, S> {
  const form = useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const out: Record<string, string> = {};
      for (const [path, message] of Object.entries(formErrors(schema, toBody(values)))) {
        if (path.split('.')[0]! in initialValues) out[path] = message;
        else out[OTHER_FIELDS] ??= message;
      }
      return out;
    },
  });
  const submitBody = (send: (body: z.input<S>) => void) => form.onSubmit((values) => send(toBody(values)));
  const valueProps = (path: string) => {
    const p = form.getInputProps(path);
    return { value: String(p.value ?? ''), onChange: p.onChange as (v: string) => void, error: p.error as ReactNode };
  };
  return Object.assign(form, { submitBody, valueProps });
}

/** Text left blank as `absent` (null or undefined, as the field's schema takes it), otherwise trimmed. */
export const blankAs = <T>(s: string, absent: T): string | T => (s.trim() === '' ? absent : s.trim());
