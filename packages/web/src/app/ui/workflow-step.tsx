import { Button, Card, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormActions } from './form-actions';

/** What a step does to its record: ends it (red), completes it (green), or moves it on. */
export type StepTone = 'end' | 'complete' | undefined;
const toneColor = (tone: StepTone) => (tone === 'end' ? 'red' : tone === 'complete' ? 'green' : undefined);

/** A step of a record's life cycle (Triệu tập, Giao, Nhận kết quả, Hủy …): filled while its form is open. */
export function StepButton({
  label,
  open,
  tone,
  disabled,
  onClick,
  testid,
}: {
  label: string;
  open: boolean;
  tone?: StepTone;
  disabled?: boolean;
  onClick: () => void;
  testid: string;
}) {
  return (
    <Button
      size="sm"
      variant={open ? 'filled' : 'light'}
      color={toneColor(tone)}
      disabled={disabled}
      onClick={onClick}
      data-testid={testid}
    >
      {label}
    </Button>
  );
}

/**
 * The small form of the step chosen (`step`): its fields, then the step's own button (red when it ends the record)
 * and "Thôi" to close it.
 */
export function StepForm({
  step,
  testid,
  submitLabel,
  submitTestid,
  onSubmit,
  busy,
  ready = true,
  ends = false,
  onCancel,
  children,
}: {
  step: string;
  testid: string;
  submitLabel: string;
  submitTestid: string;
  onSubmit: () => void;
  busy: boolean;
  ready?: boolean;
  ends?: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <Card withBorder mt="sm" p="sm" bg="gray.0" data-testid={testid} data-step={step}>
      <Stack gap="xs">
        {children}
        <FormActions onCancel={onCancel}>
          <Button
            onClick={onSubmit}
            loading={busy}
            color={ends ? 'red' : undefined}
            disabled={!ready}
            data-testid={submitTestid}
          >
            {submitLabel}
          </Button>
        </FormActions>
      </Stack>
    </Card>
  );
}
