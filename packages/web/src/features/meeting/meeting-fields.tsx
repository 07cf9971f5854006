import { Checkbox, TextInput } from '@mantine/core';
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
