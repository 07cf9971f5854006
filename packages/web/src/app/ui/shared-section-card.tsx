import { Button, Card, Group, Stack, Title } from '@mantine/core';
import type { GroupProps, MantineSpacing } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { DimmedLine } from './shared-page-head';

/**
 * A section of a page: a bordered card with its heading (h4), then its content one below the other (`gap` apart);
 * `empty`, when given, is the section's dimmed "nothing yet" under the heading.
 */
export function SectionCard({
  title,
  testid,
  gap = 'sm',
  empty,
  children,
}: {
  title: ReactNode;
  testid?: string;
  gap?: MantineSpacing;
  empty?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Card withBorder data-testid={testid}>
      <Stack gap={gap}>
        <Title order={2} size="h4">
          {title}
        </Title>
        <DimmedLine>{empty}</DimmedLine>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * A form that is a section of its own: a bordered card around the form, whose heading (h4) comes first; the card is
 * named `testid`, the form `formTestid`.
 */
export function FormCard({
  title,
  onSubmit,
  testid,
  formTestid,
  gap = 'sm',
  children,
}: {
  title: ReactNode;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  testid?: string;
  formTestid?: string;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <Card withBorder data-testid={testid}>
      <form onSubmit={onSubmit} noValidate data-testid={formTestid}>
        <Stack gap={gap}>
          <Title order={2} size="h4">
            {title}
          </Title>
          {children}
        </Stack>
      </form>
    </Card>
  );
}

/**
 * A card with a heading (h4) above content laid out as it comes (a table, a list, lines of text); `mb` is the space
 * under the heading.
 */
export function TitledCard({
  title,
  testid,
  mb = 'xs',
  children,
}: {
  title: ReactNode;
  testid?: string;
  mb?: MantineSpacing | 0;
  children: ReactNode;
}) {
  return (
    <Card withBorder data-testid={testid}>
      <Title order={2} size="h4" mb={mb}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

/**
 * A section that can be edited in place: a bordered card whose heading (h4) has, on its right, the button that opens
 * the section's form (`edit`: its label, `onClick`, `testid`, `color`), shown only when `edit.shown`; the head row's
 * `align` and `mb` as the section lays it out, then `children`.
 */
export function EditableCard({
  title,
  testid,
  edit,
  align,
  mb,
  children,
}: {
  title: ReactNode;
  testid?: string;
  edit: { shown: boolean; label: ReactNode; onClick: () => void; testid: string; color?: string };
  align?: GroupProps['align'];
  mb?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <Card withBorder data-testid={testid}>
      <Group justify="space-between" align={align} mb={mb}>
        <Title order={2} size="h4">
          {title}
        </Title>
        {edit.shown && (
          <Button variant="light" size="xs" color={edit.color} onClick={edit.onClick} data-testid={edit.testid}>
            {edit.label}
          </Button>
        )}
      </Group>
      {children}
    </Card>
  );
}
