import { Button, Group, Stack } from '@mantine/core';
import type { ButtonProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../api';
import { FormActions } from './form-actions';
import { FormProblem } from './form-problem';
import { WriteError } from './write-error';

/** A form's write as `useRun` keeps it: the server's refusal, whether it is under way, and how to forget it. */
interface Write {
  error: ApiError | null;
  busy: boolean;
  setError?: (e: null) => void;
}

/**
 * What a form's check (`${name}-problem`) or the server (`${name}-error`, which the user may close when `closable`)
 * refused, under the form's inputs.
 */
export function FormErrors({
  name,
  form,
  write,
  closable = false,
}: {
  name: string;
  form: { errors: Record<string, ReactNode> };
  write: Write;
  closable?: boolean;
}) {
  return (
    <>
      <FormProblem errors={form.errors} testid={`${name}-problem`} />
      <WriteError
        error={write.error}
        testid={`${name}-error`}
        onClose={closable ? () => write.setError?.(null) : undefined}
      />
    </>
  );
}

/**
 * The end of a form on a page: what the form's check (`${name}-problem`) or the server (`${name}-error`, which the
 * user may close when `closable`) refused, then the submit button (`${name}-submit` unless `submitTestid`; its look
 * from `variant`, `color`, `size`) with `children` as its label, and "Thôi" when the form can be closed (`onCancel`).
 */
export function FormEnd({
  name,
  form,
  write,
  closable = false,
  onCancel,
  submitTestid = `${name}-submit`,
  children,
  ...button
}: Pick<ButtonProps, 'variant' | 'color' | 'size' | 'disabled'> & {
  name: string;
  form: { errors: Record<string, ReactNode> };
  write: Write;
  closable?: boolean;
  onCancel?: () => void;
  submitTestid?: string;
  children: ReactNode;
}) {
  const submit = (
    <Button type="submit" {...button} loading={write.busy} data-testid={submitTestid}>
      {children}
    </Button>
  );
  return (
    <>
      <FormErrors name={name} form={form} write={write} closable={closable} />
      {onCancel ? <FormActions onCancel={onCancel}>{submit}</FormActions> : <Group>{submit}</Group>}
    </>
  );
}

/**
 * A short form on one row (`${name}-form`): its inputs (`children`) and the submit button (`${name}-submit`, labelled
 * `submit`) side by side, wrapping on a narrow screen, and what the check or the server refused under them.
 */
export function RowForm({
  name,
  onSubmit,
  form,
  write,
  submit,
  children,
}: {
  name: string;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  form: { errors: Record<string, ReactNode> };
  write: Write;
  submit: ReactNode;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate data-testid={`${name}-form`}>
      <Stack gap={6}>
        <Group align="end" gap="xs" wrap="wrap">
          {children}
          <Button type="submit" variant="light" loading={write.busy} data-testid={`${name}-submit`}>
            {submit}
          </Button>
        </Group>
        <FormErrors name={name} form={form} write={write} />
      </Stack>
    </form>
  );
}
