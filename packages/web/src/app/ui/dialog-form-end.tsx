import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ApiError } from '../api';
import { FormProblem } from './form-problem';
import { useTr } from './i18n';
import { WriteError } from './write-error';

/**
 * The end of a dialog's form: what the form's check (`name-problem`) or the server (`name-error`) refused, then
 * "Thôi" and the form's submit button.
 */
export function DialogFormEnd({
  name,
  errors,
  error,
  busy,
  onCancel,
  submit,
  submitTestid,
}: {
  name: string;
  errors: Record<string, ReactNode>;
  error: ApiError | null;
  busy: boolean;
  onCancel: () => void;
  submit: ReactNode;
  submitTestid: string;
}) {
  const [, tr] = useTr();
  return (
    <>
      <FormProblem errors={errors} testid={`${name}-problem`} />
      <WriteError error={error} testid={`${name}-error`} />
      <Group justify="end">
        <Button variant="default" onClick={onCancel}>
          {tr('Thôi', 'Cancel')}
        </Button>
        <Button type="submit" loading={busy} data-testid={submitTestid}>
          {submit}
        </Button>
      </Group>
    </>
  );
}
