import { Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { z } from 'zod';
import { MemberTransferSchema, todayInVietnam } from '@quyche/core';
import type { MemberFileSchema, OrganizationSchema } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { FormDate } from '../../app/ui/date-field';
import { fmt as fmtDate } from '../../app/ui/dates';
import { FormDialog } from '../../app/ui/form-dialog';
import { useTr } from '../../app/ui/i18n';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { useRun } from '../../app/ui/use-run';

type MemberFile = z.output<typeof MemberFileSchema>;
type Org = z.output<typeof OrganizationSchema>;

/**
 * "Chuyển sinh hoạt đảng": to another cell from a date, permanently (the home cell ends the day before) or
 * temporarily (until a date, or open). The history stays; the cells offered are those the account may write in,
 * found by name with or without diacritics.
 */
export function MemberTransferDialog({
  member,
  onClose,
  onDone,
}: {
  member: MemberFile;
  onClose: () => void;
  /** The member's file as of the transfer's day, and the sentence that says what was recorded. */
  onDone: (f: MemberFile, said: string) => void;
}) {
  const [, tr] = useTr();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const today = todayInVietnam();
  const cells = useApi<{ items: Org[] }>(
    `/organizations?kind=CELL&asOf=${today}&pageSize=50${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`,
  );
  const here = member.cellAsOf?.id;
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const options = [
    ...(picked ? [picked] : []),
    ...(cells.data?.items ?? [])
      .filter((c) => c.id !== here && c.id !== picked?.value)
      .map((c) => ({ value: c.id, label: c.name })),
  ];
  const form = useSchemaForm(
    MemberTransferSchema,
    { toCellId: '', on: today, kind: 'permanent' as 'permanent' | 'temporary', until: '', reason: '' },
    (v) => ({
      toCellId: v.toCellId,
      on: v.on,
      kind: v.kind,
      until: v.kind === 'temporary' ? (blankAs(v.until, null) as string | null) : null,
      reason: blankAs(v.reason, undefined) as string | undefined,
    }),
  );
  const run = useRun<MemberFile>((f) => {
    const to = picked?.label ?? '';
    const from = fmtDate(form.values.on);
    const until = form.values.until ? fmtDate(form.values.until) : '';
    onDone(
      f,
      form.values.kind === 'temporary'
        ? tr(
            `Đã ghi sinh hoạt tạm thời tại ${to} từ ngày ${from}${until ? ` đến ngày ${until}` : ''}.`,
            `Recorded as attending ${to} temporarily from ${from}${until ? ` until ${until}` : ''}.`,
          )
        : tr(`Đã chuyển sinh hoạt đảng đến ${to} từ ngày ${from}.`, `Transferred to ${to} from ${from}.`),
    );
  });
  const send = form.submitBody(
    (body) => void run.run(() => api<MemberFile>('POST', `/members/${member.personId}/transfer`, body)),
  );
  const temporary = form.values.kind === 'temporary';
  return (
    <FormDialog
      onClose={onClose}
      title={tr(`Chuyển sinh hoạt đảng: ${member.fullName}`, `Transfer ${member.fullName}`)}
      size="lg"
      name="transfer"
      onSubmit={send}
      form={form}
      run={run}
      submit={tr('Chuyển sinh hoạt', 'Transfer')}
    >
      <Stack gap="sm">
        {member.cellAsOf && (
          <Text size="sm" c="dimmed">
            {tr(`Ngày ${fmtDate(member.asOf)} sinh hoạt tại`, `On ${fmtDate(member.asOf)} in`)} {member.cellAsOf.name}
          </Text>
        )}
        <div>
          <Text size="sm" fw={500} mb={4}>
            {tr('Hình thức chuyển', 'Kind of transfer')}
          </Text>
          <SegmentedControl
            fullWidth
            {...form.getInputProps('kind')}
            data={[
              { value: 'permanent', label: tr('Chính thức', 'Permanent') },
              { value: 'temporary', label: tr('Tạm thời', 'Temporary') },
            ]}
            data-testid="transfer-kind"
          />
        </div>
        <Select
          label={tr('Chuyển đến chi bộ', 'To the cell')}
          placeholder={tr('Gõ tên chi bộ để tìm', 'Type a cell’s name')}
          searchable
          required
          searchValue={search}
          onSearchChange={setSearch}
          // The server finds the cells (without diacritics too); the list is not filtered again here.
          filter={({ options: o }) => o}
          value={form.values.toCellId || null}
          onChange={(id, option) => {
            form.setFieldValue('toCellId', id ?? '');
            setPicked(id ? option : null);
          }}
          data={options}
          error={form.errors.toCellId}
          nothingFoundMessage={
            cells.loading ? tr('Đang tìm…', 'Searching…') : tr('Không có chi bộ phù hợp', 'No matching cell')
          }
          comboboxProps={{ withinPortal: true }}
          data-testid="transfer-cell"
        />
        <Group gap="sm" align="start" wrap="wrap">
          <FormDate form={form} path="on" testid="transfer-on" required>
            {temporary ? tr('Từ ngày', 'From') : tr('Ngày chuyển', 'Transfer date')}
          </FormDate>
          {temporary && (
            <FormDate form={form} path="until" testid="transfer-until">
              {tr('Đến ngày', 'Until')}
            </FormDate>
          )}
        </Group>
        {temporary && (
          <Text size="xs" c="dimmed">
            {tr(
              'Sinh hoạt tạm thời: vẫn là đảng viên của chi bộ cũ; bỏ trống "Đến ngày" nếu chưa rõ ngày về.',
              'Temporary: the member stays in the home cell; leave "Until" blank if the end is not known.',
            )}
          </Text>
        )}
        <Textarea
          label={tr('Lý do, căn cứ (giấy giới thiệu sinh hoạt đảng)', 'Reason, basis (transfer letter)')}
          autosize
          minRows={2}
          maxLength={500}
          {...form.getInputProps('reason')}
          data-testid="transfer-reason"
        />
      </Stack>
    </FormDialog>
  );
}
