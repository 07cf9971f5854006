import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { OTHER_FIELDS } from './schema-form';

/** A form's refusal that belongs to no input of its own (useSchemaForm's OTHER_FIELDS), above its buttons. */
export function FormProblem({
  errors,
  testid = 'form-problem',
}: {
  errors: Record<string, ReactNode>;
  testid?: string;
}) {
  const message = errors[OTHER_FIELDS];
  if (!message) return null;
  return (
    <Alert color="red" w="100%" data-testid={testid}>
      <Text size="sm">{message}</Text>
    </Alert>
  );
}
