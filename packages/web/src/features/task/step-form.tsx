import { Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../../app/api';
import { FormProblem } from '../../app/ui/form-problem';
import type { SchemaForm } from '../../app/ui/schema-form';
import { WriteError } from '../../app/ui/write-error';

/**
 * The card of one step's form (a progress report, an extension request, a recommendation's answer …): its title, its
 * fields, what the schema refuses of fields without an input (`<testid>-problem`), the server's refusal, and the submit
 * button. The form is checked against the route's schema on submit (useSchemaForm), so the button is never disabled
 * for a missing field: a click names it.
 */
export function StepForm({
  testid,
  onSubmit,
  title,
  form,
  run,
  errorTestid,
  closable,
  submitLabel,
  submitTestid,
  color,
  mt,
  children,
}: {
  testid: string;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  title?: ReactNode;
  /** The step's useSchemaForm and useRun: what they refuse shows above the button, which waits on the write. */
  form: { errors: Record<string, ReactNode> };
  run: { error: ApiError | null; busy: boolean; setError: (e: null) => void };
  errorTestid: string;
  /** Whether the server's refusal can be closed. */
  closable?: boolean;
  submitLabel: ReactNode;
  submitTestid: string;
  color?: string;
  mt?: string;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate data-testid={testid}>
      <Card withBorder p="sm" bg="gray.0" mt={mt}>
        <Stack gap="xs">
          {title && (
            <Title order={3} size="h5">
              {title}
            </Title>
          )}
          {children}
          <FormProblem errors={form.errors} testid={`${testid}-problem`} />
          <WriteError
            error={run.error}
            testid={errorTestid}
            onClose={closable ? () => run.setError(null) : undefined}
          />
          <Group>
            <Button type="submit" loading={run.busy} color={color} data-testid={submitTestid}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}

/**
 * The long text of a step's form (what was done, a reason, an answer), bound to `path` of its schema form; its label
 * is its content: `<StepText form={form} path="note" testid="…">Lý do</StepText>`.
 */
export function StepText<V extends Record<string, unknown>>({
  form,
  path,
  children,
  testid,
  minRows = 2,
  required = true,
}: {
  form: SchemaForm<V, z.ZodType>;
  path: keyof V & string;
  children: ReactNode;
  testid: string;
  minRows?: number;
  required?: boolean;
}) {
  return (
    <Textarea
      label={children}
      {...form.getInputProps(path)}
      autosize
      minRows={minRows}
      required={required}
      data-testid={testid}
    />
  );
}

/**
 * An id chosen from a list, or absent when none is ('' is no id): the schema then names the field as missing
 * ("Thiếu Hội nghị thông qua") rather than malformed. Typed as the id the schema requires, since a body with it absent
 * is refused before it is sent.
 */
export const chosenId = (id: string): string => (id === '' ? (undefined as unknown as string) : id);

/**
 * The first error under `prefix` (`team.1.role` under `team`), for a field group of rows without inputs bound to the
 * form (team, targets): shown once under the group.
 */
export function GroupError({
  errors,
  prefix,
  testid,
}: {
  errors: Record<string, ReactNode>;
  prefix: string;
  testid: string;
}) {
  const found = Object.entries(errors).find(([k]) => k === prefix || k.startsWith(`${prefix}.`));
  if (!found) return null;
  return (
    <Text size="xs" c="red.8" data-testid={testid}>
      {found[1]}
    </Text>
  );
}
