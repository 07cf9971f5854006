import { Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../api';
import { DialogFormEnd } from './dialog-form-end';

/**
 * A dialog holding one form (`name-form`): its fields (`children`), then what the form's check or the server
 * refused, "Thôi" and the submit button (`name-save` unless told). `form` and `run` are the form's useSchemaForm
 * and useRun.
 */
export function FormDialog({
  opened = true,
  onClose,
  title,
  size,
  name,
  onSubmit,
  form,
  run,
  submit,
  submitTestid = `${name}-save`,
  children,
}: {
  opened?: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: string;
  name: string;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  form: { errors: Record<string, ReactNode> };
  run: { error: ApiError | null; busy: boolean };
  submit: ReactNode;
  submitTestid?: string;
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onClose} size={size} title={<b>{title}</b>}>
      <form onSubmit={onSubmit} noValidate data-testid={`${name}-form`}>
        <Stack>
          {children}
          <DialogFormEnd
            name={name}
            errors={form.errors}
            error={run.error}
            busy={run.busy}
            onCancel={onClose}
            submit={submit}
            submitTestid={submitTestid}
          />
        </Stack>
      </form>
    </Modal>
  );
}
