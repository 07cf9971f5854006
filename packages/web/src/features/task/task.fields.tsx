import { NativeSelect, TextInput } from '@mantine/core';
import type { NativeSelectProps, TextInputProps } from '@mantine/core';
import type { Lang } from '../../app/ui/i18n';
import { useTr } from '../../app/ui/i18n';
import { groupedLeads } from './task.parts';
import type { LeadOption } from './task.parts';

/**
 * The fields that state a task's "rõ" the same way wherever a task is written: on its own form, as an item of a
 * program, as a remedy of an inspection. Each takes the input props of its form field (`form.getInputProps(path)`).
 */

type Option = { value: string; label: string };

/** The leads to choose one of, grouped, under "(chọn một đơn vị)". */
export const chooseLead = (leads: LeadOption[], l: Lang) => [
  { value: '', label: l === 'vi' ? '(chọn một đơn vị)' : '(choose one)' },
  ...groupedLeads(leads, l),
];

/** `options`, and the one already chosen when it is no longer among them (a member who has left, say). */
const keeping = (options: Option[], kept: Option | null | undefined) =>
  kept?.value && !options.some((o) => o.value === kept.value) ? [...options, kept] : options;

/** Rõ trách nhiệm: the BTV member who supervises. */
export function SupervisorSelect({
  members,
  kept,
  label,
  testid,
  ...input
}: Omit<NativeSelectProps, 'data' | 'label'> & {
  members: Option[];
  kept?: Option | null;
  label?: string;
  testid: string;
}) {
  const [, tr] = useTr();
  return (
    <NativeSelect
      label={label ?? tr('Ủy viên Ban Thường vụ theo dõi', 'Supervising BTV member')}
      {...input}
      data={[{ value: '', label: tr('(chọn Ủy viên)', '(choose a member)') }, ...keeping(members, kept)]}
      data-testid={testid}
    />
  );
}

/** Rõ thẩm quyền: the level that decides; a level the organization no longer has stays shown by its code. */
export function DecidingSelect({
  deciding,
  testid,
  ...input
}: Omit<NativeSelectProps, 'data'> & { deciding: Option[]; testid: string }) {
  const [, tr] = useTr();
  const value = String(input.value ?? '');
  return (
    <NativeSelect
      label={tr('Cấp quyết định', 'Deciding level')}
      {...input}
      data={[{ value: '', label: tr('(chọn cấp)', '(choose)') }, ...keeping(deciding, { value, label: value })]}
      data-testid={testid}
    />
  );
}

/** The supporting units, written as names separated by commas. */
export function SupportingInput({ testid, ...input }: TextInputProps & { testid: string }) {
  const [, tr] = useTr();
  return (
    <TextInput
      label={tr('Đơn vị phối hợp', 'Supporting units')}
      description={tr('Cách nhau bằng dấu phẩy', 'Comma-separated')}
      {...input}
      data-testid={testid}
    />
  );
}
