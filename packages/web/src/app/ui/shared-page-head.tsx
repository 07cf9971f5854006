import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The dimmed line under a heading (whose page it is, what a section has none of yet); nothing when it is empty. */
export function DimmedLine({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <Text size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** A page's heading (h1) and, under it when given, the dimmed line that says whose it is or what it is for. */
export function PageHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <>
      <Title order={1} size="h2">
        {title}
      </Title>
      <DimmedLine>{children}</DimmedLine>
    </>
  );
}
