import { NativeSelect } from '@mantine/core';
import type { NativeSelectProps } from '@mantine/core';
import { useTr } from '../../app/ui/i18n';
import type { Meeting } from './meeting.parts';

/** The meeting's members (with a person) to pick one from; `none` is the first, empty choice's wording. */
export function MemberSelect({
  meeting,
  none,
  testid,
  ...props
}: Omit<NativeSelectProps, 'data'> & { meeting: Meeting; none: [vi: string, en: string]; testid: string }) {
  const [, tr] = useTr();
  const members = meeting.attendance.filter((x) => x.role === 'member' && x.personId);
  return (
    <NativeSelect
      {...props}
      data={[{ value: '', label: tr(...none) }, ...members.map((x) => ({ value: x.personId!, label: x.fullName }))]}
      data-testid={testid}
    />
  );
}
