import { Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { DateField } from './date-field';

/** One date of a `DatePair`: the form's field, its label and testid; required unless `required` is false. */
export interface PairedDate {
  path: string;
  label: string;
  testid: string;
  required?: boolean;
}

/** Two dates of a schema form side by side (sent on and deadline, from and until), wrapping on a narrow screen. */
export function DatePair({
  form,
  dates,
}: {
  form: { valueProps: (path: string) => { value: string; onChange: (v: string) => void; error?: ReactNode } };
  dates: [PairedDate, PairedDate];
}) {
  return (
    <Group gap="sm" align="end" wrap="wrap">
      {dates.map((d) => (
        <DateField
          key={d.path}
          label={d.label}
          {...form.valueProps(d.path)}
          testid={d.testid}
          required={d.required ?? true}
        />
      ))}
    </Group>
  );
}
