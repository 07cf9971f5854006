import { TextInput } from '@mantine/core';
import type { TextInputProps } from '@mantine/core';
import type { LooseKeys, UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';

/**
 * A one-line text field bound to the form's `path` (its value, change and error), labelled `children` and named
 * `testid`; the rest (`required`, `w`, `placeholder` …) as TextInput takes it. The text fields' counterpart of
 * FormDate, so that a form does not spell out `{...form.getInputProps(path)}` field by field.
 */
export function FormText<V>({
  form,
  path,
  testid,
  children,
  ...field
}: Omit<TextInputProps, 'label' | 'form'> & {
  form: Pick<UseFormReturnType<V>, 'getInputProps'>;
  path: LooseKeys<V>;
  testid: string;
  children: ReactNode;
}) {
  return <TextInput label={children} {...form.getInputProps(path)} {...field} data-testid={testid} />;
}
