import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { MEETING_FORMATS } from '@quyche/core';
import { formatLabel } from './meeting.parts';
import type { GetInputPropsOptions, GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { TimeField } from '../../app/ui/time-field';
import { useTr } from '../../app/ui/i18n';

/** The fields of a schema form these inputs bind to (useSchemaForm's getInputProps and valueProps). */
interface Fields {
  getInputProps: (path: string, options?: GetInputPropsOptions) => GetInputPropsReturnType;
  valueProps: (path: string) => { value: string; onChange: (v: string) => void; error?: ReactNode };
}

/**
 * Time and place of a meeting (`startsAt`, `location`), the same when planning it from the calendar and when editing
 * its details; the testids are `${prefix}-time`, `${prefix}-location`.
 */
export function TimePlaceFields({ form, prefix }: { form: Fields; prefix: string }) {
  const [, tr] = useTr();
  return (
    <>
      <TimeField label={tr('Giờ bắt đầu', 'Starts at')} {...form.valueProps('startsAt')} testid={`${prefix}-time`} />
      <TextInput
        label={tr('Địa điểm', 'Location')}
        {...form.getInputProps('location')}
        w={260}
        maw="100%"
        maxLength={300}
        data-testid={`${prefix}-location`}
      />
    </>
  );
}

/** "Hình thức" (`format`: in person, online, both), in the same two forms. */
export function FormatField({ form, prefix }: { form: Fields; prefix: string }) {
  const [l, tr] = useTr();
  return (
    <NativeSelect
      label={tr('Hình thức', 'Format')}
      {...form.getInputProps('format')}
      data={MEETING_FORMATS.map((k) => ({ value: k, label: formatLabel(k, l) }))}
      data-testid={`${prefix}-format`}
    />
  );
}

/** "Hội nghị toàn tỉnh" (`provinceWide`), in the same two forms. */
export function ProvinceWideField({ form, prefix }: { form: Fields; prefix: string }) {
  const [, tr] = useTr();
  return (
    <Checkbox
      label={tr('Hội nghị toàn tỉnh', 'Province-wide conference')}
      {...form.getInputProps('provinceWide', { type: 'checkbox' })}
      data-testid={`${prefix}-province-wide`}
    />
  );
}

/** Why a step of the meeting is taken (cancelled, moved, recorded early): required, kept in the audit. */
export function ReasonField({
  form,
  path,
  label,
  description,
  testid,
}: {
  form: Fields;
  path: string;
  label: string;
  description?: string;
  testid: string;
}) {
  return (
    <Textarea
      label={label}
      description={description}
      {...form.getInputProps(path)}
      required
      autosize
      minRows={2}
      maxLength={500}
      data-testid={testid}
    />
  );
}
