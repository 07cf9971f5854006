import { Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { CellMeetingRecordSchema, todayInVietnam } from '@quyche/core';
import type { CellMeetingRecordResultSchema, CellRosterSchema } from '@quyche/core';
import type { z } from 'zod';
import { api, useApi } from '../../app/api';
import { Link } from '../../app/router';
import { DateField } from '../../app/ui/date-field';
import { useLang } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import { StepText } from '../task/step-form';
import { LoadState } from '../../app/ui/load-state';
import { useSchemaForm } from '../../app/ui/schema-form';
import { FormEnd } from '../../app/ui/shared-form-end';
import { PageHead } from '../../app/ui/shared-page-head';
import { TimeField } from '../../app/ui/time-field';
import { useRun } from '../../app/ui/use-run';
import { useOnChange } from '../../app/ui/use-on-change';
import { useTitle } from '../../app/ui/use-title';
import type { Me } from '../../app/session';
import { ResolutionTasks } from './resolution-tasks';

type Roster = z.output<typeof CellRosterSchema>;
type Result = z.output<typeof CellMeetingRecordResultSchema>;
type Status = 'present' | 'absent_excused' | 'absent';
interface Row {
  personId: string;
  fullName: string;
  exempted: boolean;
  status: Status;
  reason: string;
}
const EXEMPT_REASON = 'Được miễn công tác và sinh hoạt đảng';

/**
 * A cell's secretary records, on a phone, the meeting the cell has just held: kind, date and times, each member
 * present or absent (a valid reason for each excused absence), and the cell's resolution. The server checks the
 * length against the cell's regulation and says so with its clause; the month then counts as held.
 */
export function CellMeetingRecordPage({ cellId }: { cellId: string }) {
  const [l] = useLang();
  const tr = (vi: string, en: string) => (l === 'vi' ? vi : en);
  useTitle(tr('Ghi buổi sinh hoạt chi bộ', 'Record a cell meeting'));
  const form = useSchemaForm(
    CellMeetingRecordSchema,
    {
      kind: 'regular' as 'regular' | 'thematic',
      theme: '',
      meetingDate: todayInVietnam(),
      startsAt: '',
      endsAt: '',
      location: '',
      attendance: [] as Row[],
      resolution: '',
      observerName: '',
      observerTitle: '',
    },
    (v) => ({
      kind: v.kind,
      meetingDate: v.meetingDate,
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      ...(v.location.trim() ? { location: v.location } : {}),
      ...(v.kind === 'thematic' ? { theme: v.theme } : {}),
      attendance: v.attendance.map((a) => ({
        personId: a.personId,
        status: a.status,
        ...(a.status === 'absent_excused' && a.reason.trim() ? { reason: a.reason } : {}),
      })),
      resolution: v.resolution,
      ...(v.observerName.trim()
        ? { observer: { name: v.observerName, ...(v.observerTitle.trim() ? { title: v.observerTitle } : {}) } }
        : {}),
    }),
  );
  const date = form.values.meetingDate;
  const roster = useApi<Roster>(
    /^\d{4}-\d{2}-\d{2}$/.test(date) ? `/organizations/${cellId}/cell-roster?date=${date}` : null,
  );
  // The list of the day's members, each present unless exempted (then excused, with the exemption as the reason).
  useOnChange(roster.data, (data) => {
    if (!data) return;
    form.setFieldValue(
      'attendance',
      data.members.map((m) => ({
        personId: m.personId,
        fullName: m.fullName,
        exempted: m.exempted,
        status: m.exempted ? 'absent_excused' : 'present',
        reason: m.exempted ? EXEMPT_REASON : '',
      })),
    );
  });
  const { data: me } = useApi<Me>('/auth/me');
  const [saved, setSaved] = useState<Result | null>(null);
  const done = useRun<Result>(setSaved);
  const min = roster.data?.minMinutes[form.values.kind];
  const rows = form.values.attendance;
  const count = (s: Status) => rows.filter((r) => r.status === s).length;

  const c = saved?.counts;
  if (saved && c)
    return (
      <Stack maw={720} data-testid="cell-record-done">
        <PageHead title={tr('Đã ghi buổi sinh hoạt', 'Meeting recorded')}>{saved.title}</PageHead>
        <Text size="sm">
          {tr(
            `Có mặt ${c.present}/${c.summoned}, vắng có lý do ${c.absentExcused}, vắng ${c.absent}.`,
            `Present ${c.present}/${c.summoned}, excused ${c.absentExcused}, absent ${c.absent}.`,
          )}
        </Text>
        {saved.observer && (
          <Text size="sm" data-testid="cell-record-observer-done">
            {tr(`Cấp ủy cấp trên dự: ${saved.observer}.`, `Observer: ${saved.observer}.`)}
          </Text>
        )}
        {saved.length && (
          <Alert color={saved.length.ok ? 'green' : 'orange'} data-testid="cell-record-length">
            {saved.length.reason_vi}
          </Alert>
        )}
        {roster.data && (
          <ResolutionTasks
            cellId={cellId}
            bodyId={saved.bodyId}
            source={saved.title}
            members={roster.data.members}
            supervisorId={me?.user.personId ?? null}
          />
        )}
        <Group>
          <Button component={Link} to="/chi-bo-cua-toi" variant="light">
            {tr('Về trang chi bộ', 'Back to my cell')}
          </Button>
        </Group>
      </Stack>
    );
  return (
    <Stack maw={720} data-testid="cell-record-page">
      <PageHead title={tr('Ghi buổi sinh hoạt chi bộ', 'Record a cell meeting')}>
        {roster.data && `${roster.data.cellName}${roster.data.regulation ? ` · ${roster.data.regulation}` : ''}`}
      </PageHead>
      <form
        noValidate
        onSubmit={form.submitBody(
          (body) => void done.run(() => api<Result>('POST', `/organizations/${cellId}/cell-meetings`, body)),
        )}
      >
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            data={[
              { value: 'regular', label: tr('Thường kỳ', 'Regular') },
              { value: 'thematic', label: tr('Chuyên đề', 'Thematic') },
            ]}
            {...form.getInputProps('kind')}
            data-testid="cell-record-kind"
          />
          {form.values.kind === 'thematic' && (
            <FormText form={form} path="theme" testid="cell-record-theme">
              {tr('Chuyên đề', 'Theme')}
            </FormText>
          )}
          <Group gap="sm" align="flex-start">
            <DateField label={tr('Ngày họp', 'Date')} {...form.valueProps('meetingDate')} testid="cell-record-date" />
            <TimeField
              label={tr('Giờ bắt đầu', 'Starts at')}
              {...form.valueProps('startsAt')}
              testid="cell-record-start"
              w={100}
            />
            <TimeField
              label={tr('Giờ kết thúc', 'Ends at')}
              {...form.valueProps('endsAt')}
              testid="cell-record-end"
              w={100}
            />
          </Group>
          {min ? (
            <Text size="xs" c="dimmed">
              {tr(`Quy chế: mỗi buổi ít nhất ${min} phút.`, `Regulation: at least ${min} minutes.`)}
            </Text>
          ) : null}
          <FormText form={form} path="location" testid="cell-record-location">
            {tr('Địa điểm', 'Location')}
          </FormText>
          <Card withBorder p="sm" data-testid="cell-record-attendance">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h5">
                {tr(
                  `Điểm danh: có mặt ${count('present')}/${rows.length}`,
                  `Attendance: ${count('present')}/${rows.length}`,
                )}
              </Title>
              <Button
                size="xs"
                variant="light"
                onClick={() =>
                  form.setFieldValue(
                    'attendance',
                    rows.map((r) => (r.exempted ? r : { ...r, status: 'present' as const, reason: '' })),
                  )
                }
                data-testid="cell-record-all-present"
              >
                {tr('Tất cả có mặt', 'All present')}
              </Button>
            </Group>
            <LoadState error={roster.error} loading={roster.loading && !roster.data} />
            <Stack gap="xs">
              {rows.map((r, i) => (
                <Stack key={r.personId} gap={4} data-testid="cell-record-member">
                  <Group gap="xs" justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={500}>
                      {r.fullName}
                    </Text>
                    {r.exempted && (
                      <Badge size="xs" color="gray" variant="light">
                        {tr('Miễn sinh hoạt', 'Exempted')}
                      </Badge>
                    )}
                  </Group>
                  <SegmentedControl
                    size="xs"
                    fullWidth
                    data={[
                      { value: 'present', label: tr('Có mặt', 'Present') },
                      { value: 'absent_excused', label: tr('Vắng có lý do', 'Excused') },
                      { value: 'absent', label: tr('Vắng', 'Absent') },
                    ]}
                    {...form.getInputProps(`attendance.${i}.status`)}
                    data-testid="cell-record-status"
                  />
                  {r.status === 'absent_excused' && (
                    <TextInput
                      size="xs"
                      placeholder={tr('Lý do vắng', 'Reason')}
                      aria-label={tr('Lý do vắng', 'Reason')}
                      {...form.getInputProps(`attendance.${i}.reason`)}
                      data-testid="cell-record-reason"
                    />
                  )}
                </Stack>
              ))}
            </Stack>
          </Card>
          <Group gap="sm" grow wrap="wrap">
            <FormText form={form} path="observerName" testid="cell-record-observer">
              {tr('Cấp ủy cấp trên dự (họ tên)', 'Superior committee observer')}
            </FormText>
            <FormText form={form} path="observerTitle" testid="cell-record-observer-title">
              {tr('Chức vụ', 'Title')}
            </FormText>
          </Group>
          <StepText form={form} path="resolution" testid="cell-record-resolution" minRows={4} required={false}>
            {tr('Nghị quyết (kết luận) của chi bộ', 'The cell’s resolution')}
          </StepText>
          <FormEnd name="cell-record" form={form} write={done}>
            {tr('Lưu buổi sinh hoạt', 'Save the meeting')}
          </FormEnd>
        </Stack>
      </form>
    </Stack>
  );
}
