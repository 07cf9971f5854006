import { TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTr } from '../../app/ui/i18n';

/** A guest's name and title, in the meeting's guest form and in a connection point's (bound to their schema). */
export function GuestFields({
  field,
  inline,
}: {
  field: (path: 'name' | 'title') => GetInputPropsReturnType;
  /** Side by side in a row of inputs (the meeting's form) rather than one under the other. */
  inline?: boolean;
}) {
  const [, tr] = useTr();
  return (
    <>
      <TextInput
        label={tr('Khách mời', 'Guest')}
        placeholder={tr('Họ tên', 'Name')}
        {...field('name')}
        required
        data-testid="guest-name"
        w={inline ? 220 : undefined}
        maw="100%"
      />
      <TextInput
        label={tr('Chức vụ, đơn vị', 'Title')}
        {...field('title')}
        data-testid="guest-title"
        w={inline ? 260 : undefined}
        maw="100%"
      />
    </>
  );
}
