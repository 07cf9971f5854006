import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { CreateGuestSchema, CreateSiteSchema } from '@quyche/core';
import { api, useApi } from '../../app/api';
import { Link } from '../../app/router';
import type { SectionProps } from './meeting.types';
import { FormErrors, RowForm } from '../../app/ui/shared-form-end';
import { SectionCard } from '../../app/ui/shared-section-card';
import { ATTENDANCE_STATUS_COLORS, ATTENDANCE_STATUS_LABELS, LiveCounts, useAction } from './meeting.parts';
import { WriteError } from '../../app/ui/write-error';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { GuestFields } from './guest-fields';
import { labelOf } from '../../app/ui/labels';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import type { Meeting } from './meeting.parts';
import type { OrgDetail } from '../../app/types';
import { MemberSelect } from './member-select';
import { HeadTable } from '../../app/ui/shared-head-table';

type Attendance = Meeting['attendance'][number];
export const attendanceOpen = (state: string) => ['convened', 'documents_sent', 'in_session'].includes(state);

/** Attendance: live counts and quorum, each member's status, guests and connection points. */
export function AttendanceSection({ m, onMeeting, reload }: SectionProps) {
  const [, tr] = useTr();
  const a = useAction(onMeeting, reload);
  const members = m.attendance.filter((x) => x.role === 'member');
  const guests = m.attendance.filter((x) => x.role === 'guest');
  const editable = m.can.write && attendanceOpen(m.state);
  const remote = m.format !== 'in_person';
  const siteName = (id: string | null) => m.sites.find((s) => s.id === id)?.name ?? '';
  const patch = (x: Attendance, body: { status: string; reason?: string | null; siteId?: string | null }) =>
    a.run(() => api('PATCH', `/meetings/${m.id}/attendance/${x.id}`, body));
  return (
    <SectionCard title={tr('Điểm danh', 'Attendance')} testid="attendance">
      <LiveCounts counts={m.counts} quorum={m.checks.quorum} />
      {m.state === 'planned' && (
        <Text size="sm" c="dimmed">
          {tr(
            'Danh sách triệu tập được lập khi triệu tập hội nghị (các ủy viên của cơ quan vào ngày họp).',
            'The list of those summoned is made when the meeting is convened.',
          )}
        </Text>
      )}
      <WriteError error={a.error} testid="attendance-error" onClose={() => a.setError(null)} />
      {editable && members.some((x) => x.status === 'summoned') && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            loading={a.busy}
            onClick={() => void a.run(() => api('POST', `/meetings/${m.id}/attendance/all-present`, {}))}
            data-testid="att-all-present"
          >
            {tr('Tất cả có mặt', 'All present')}
          </Button>
          <Text size="xs" c="dimmed">
            {tr(
              'Mọi người chưa điểm danh được ghi có mặt; người đã ghi vắng giữ nguyên.',
              'Everyone not yet marked is present; those marked absent stay so.',
            )}
          </Text>
        </Group>
      )}
      {members.length > 0 && (
        <HeadTable
          head={[
            '#',
            tr('Họ tên', 'Name'),
            tr('Chức vụ', 'Title'),
            tr('Tình trạng', 'Status'),
            tr('Lý do vắng', 'Reason'),
            ...(remote && m.sites.length > 0 ? [tr('Điểm cầu', 'Site')] : []),
          ]}
          minWidth={remote && m.sites.length ? 720 : 560}
          striped
          verticalSpacing={4}
          fz="sm"
          data-testid="attendance-table"
        >
          {members.map((x, i) => (
            <AttendanceRow
              key={x.id}
              n={i + 1}
              x={x}
              m={m}
              editable={editable && !a.busy}
              onPatch={(b) => patch(x, b)}
            />
          ))}
        </HeadTable>
      )}
      <Title order={3} size="h5">
        {tr('Khách mời', 'Guests')} ({guests.length})
      </Title>
      {guests.length === 0 ? (
        <Text size="sm" c="dimmed">
          {tr('Chưa có khách mời', 'No guests')}
        </Text>
      ) : (
        <Stack gap={2}>
          {guests.map((g) => (
            <Text key={g.id} size="sm" data-testid="guest-row">
              {g.fullName}
              {g.title ? `, ${g.title}` : ''}
              {g.siteId ? ` — ${siteName(g.siteId)}` : ''}
            </Text>
          ))}
        </Stack>
      )}
      {m.can.write && !['closed', 'minutes_approved', 'cancelled'].includes(m.state) && (
        <GuestForm m={m} onMeeting={onMeeting} reload={reload} />
      )}
      {remote && <SitesPanel m={m} onMeeting={onMeeting} reload={reload} />}
      {m.can.write && !editable && members.length > 0 && (
        <Text size="xs" c="dimmed">
          {tr(
            'Điểm danh chỉ sửa được khi hội nghị đã triệu tập và chưa bế mạc.',
            'Attendance can be changed once convened and until closed.',
          )}
        </Text>
      )}
    </SectionCard>
  );
}

function AttendanceRow({
  n,
  x,
  m,
  editable,
  onPatch,
}: {
  n: number;
  x: Attendance;
  m: Meeting;
  editable: boolean;
  onPatch: (b: { status: string; reason?: string | null; siteId?: string | null }) => Promise<boolean>;
}) {
  const [l, tr] = useTr();
  const [pending, setPending] = useState<string | null>(null);
  const [reason, setReason] = useState(x.reason ?? '');
  const status = pending ?? x.status;
  const remote = m.format !== 'in_person' && m.sites.length > 0;
  const setStatus = async (s: string) => {
    if (s === 'absent_excused') {
      setPending(s);
      setReason(x.reason ?? '');
      return;
    }
    setPending(null);
    await onPatch({ status: s });
  };
  // The reason is saved with the row as soon as it is written (leaving the field or Enter): no separate button to
  // forget.
  const saveReason = async () => {
    if (!reason.trim() || (!pending && reason.trim() === (x.reason ?? ''))) return;
    if (await onPatch({ status: 'absent_excused', reason: reason.trim() })) setPending(null);
  };
  return (
    <Table.Tr data-testid="att-row" data-status={x.status} data-person={x.personId ?? ''}>
      <Table.Td>{n}</Table.Td>
      <Table.Td>{x.fullName}</Table.Td>
      <Table.Td>
        {x.title ?? (m.bodyKind === 'CHI_BO' ? tr('Đảng viên', 'Party member') : tr('Ủy viên', 'Member'))}
      </Table.Td>
      <Table.Td>
        {!m.can.write ? (
          <Badge
            variant="light"
            color={ATTENDANCE_STATUS_COLORS[x.status] ?? 'gray'}
            style={{ textTransform: 'none' }}
            data-testid="att-status-text"
            data-status={x.status}
          >
            {labelOf(ATTENDANCE_STATUS_LABELS, x.status, l)}
          </Badge>
        ) : (
          <NativeSelect
            size="xs"
            value={status}
            disabled={!editable}
            onChange={(e) => void setStatus(e.currentTarget.value)}
            data={Object.keys(ATTENDANCE_STATUS_LABELS).map((k) => ({
              value: k,
              label: labelOf(ATTENDANCE_STATUS_LABELS, k, l),
            }))}
            aria-label={`${tr('Tình trạng', 'Status')}: ${x.fullName}`}
            data-testid="att-status"
            w={150}
          />
        )}
      </Table.Td>
      <Table.Td>
        {m.can.write && status === 'absent_excused' ? (
          <Group gap={4} wrap="nowrap">
            <TextInput
              size="xs"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              onBlur={() => void saveReason()}
              onKeyDown={(e) => e.key === 'Enter' && void saveReason()}
              disabled={!editable}
              placeholder={tr('Ghi lý do vắng', 'Reason')}
              aria-label={`${tr('Lý do vắng', 'Reason')}: ${x.fullName}`}
              error={
                pending && !reason.trim()
                  ? tr('Ghi lý do để lưu "vắng có lý do"', 'Write the reason to save')
                  : undefined
              }
              autoFocus={!!pending}
              data-testid="att-reason"
              w={190}
            />
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {x.reason ?? ''}
          </Text>
        )}
      </Table.Td>
      {remote && (
        <Table.Td>
          {!m.can.write ? (
            <Text size="xs" data-testid="att-site-text">
              {m.sites.find((s) => s.id === x.siteId)?.name ?? ''}
            </Text>
          ) : (
            <NativeSelect
              size="xs"
              value={x.siteId ?? ''}
              disabled={!editable}
              onChange={(e) =>
                void onPatch({ status: x.status, reason: x.reason, siteId: e.currentTarget.value || null })
              }
              data={[
                { value: '', label: tr('(chưa chọn)', '(none)') },
                ...m.sites.map((s) => ({ value: s.id, label: s.name })),
              ]}
              aria-label={`${tr('Điểm cầu', 'Site')}: ${x.fullName}`}
              data-testid="att-site"
              w={190}
            />
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}

export function GuestForm({ m, onMeeting, reload }: SectionProps) {
  const [, tr] = useTr();
  const form = useSchemaForm(CreateGuestSchema, { name: '', title: '', siteId: '' }, (v) => ({
    name: v.name.trim(),
    title: blankAs(v.title, null),
    siteId: v.siteId || null,
  }));
  const a = useAction((x) => {
    onMeeting(x);
    form.setValues({ name: '', title: '' });
  }, reload);
  const submit = form.submitBody((body) => void a.run(() => api('POST', `/meetings/${m.id}/guests`, body)));
  return (
    <RowForm name="guest" onSubmit={submit} form={form} write={a} submit={tr('Thêm khách mời', 'Add guest')}>
      <GuestFields field={form.getInputProps} inline />
      {m.format !== 'in_person' && m.sites.length > 0 && (
        <NativeSelect
          label={tr('Điểm cầu', 'Site')}
          {...form.getInputProps('siteId')}
          data={[
            { value: '', label: tr('(không)', '(none)') },
            ...m.sites.map((s) => ({ value: s.id, label: s.name })),
          ]}
          data-testid="guest-site"
          w={200}
        />
      )}
    </RowForm>
  );
}

type OrgRef = OrgDetail['children'][number];
const collator = new Intl.Collator('vi');
/** "Đảng bộ xã Tân Lập" → "xã Tân Lập". */
const placeOf = (name: string) => name.replace(/^(Đảng bộ|Đảng ủy|Chi bộ)\s+/u, '');
/**
 * An organization by its short name ("Đảng ủy xã Tân Lập") when the API gives one, else by its name. The children of
 * GET /organizations/:id carry no short name yet (OrgRefSchema is id, code, name, kind), so today this is the name.
 */
const orgLabel = (o: OrgRef) =>
  'shortName' in o && typeof o.shortName === 'string' && o.shortName ? o.shortName : o.name;

/** Connection points of an online or hybrid conference, each with its counts and its own page. */
function SitesPanel({ m, onMeeting, reload }: SectionProps) {
  const [, tr] = useTr();
  const form = useSchemaForm(CreateSiteSchema, { name: '', hostOrgId: '', leadPersonId: '' }, (v) => ({
    name: v.name.trim(),
    hostOrgId: v.hostOrgId || null,
    leadPersonId: v.leadPersonId || null,
  }));
  const open = m.can.write && !['closed', 'minutes_approved', 'cancelled'].includes(m.state);
  // The organizations under the meeting's (the communes and party committees of the province) can host a point.
  const { data: org } = useApi<OrgDetail>(
    open || m.sites.some((s) => s.hostOrgId)
      ? `/organizations/${encodeURIComponent(m.orgId)}?asOf=${m.meetingDate}`
      : null,
  );
  const hosts = [...(org?.children ?? [])].sort((x, y) => collator.compare(orgLabel(x), orgLabel(y)));
  const hostName = (id: string | null) => {
    const o = id ? org?.children.find((c) => c.id === id) : undefined;
    return o ? orgLabel(o) : '';
  };
  const a = useAction((x) => {
    onMeeting(x);
    form.reset();
  }, reload);
  const chooseHost = (id: string) => {
    form.setFieldValue('hostOrgId', id);
    const o = hosts.find((x) => x.id === id);
    const name = form.values.name;
    // A name is suggested from the host while none has been typed.
    if (o && (!name.trim() || hosts.some((x) => name === `${tr('Điểm cầu', 'Site')} ${orgLabel(x)}`)))
      form.setFieldValue('name', `${tr('Điểm cầu', 'Site')} ${orgLabel(o)}`);
  };
  const submit = form.submitBody((body) => void a.run(() => api('POST', `/meetings/${m.id}/sites`, body)));
  return (
    <Stack gap="xs" data-testid="sites">
      <Title order={3} size="h5">
        {tr('Điểm cầu', 'Connection points')} ({m.sites.length})
      </Title>
      {m.sites.length > 0 && (
        <HeadTable
          head={[tr('Điểm cầu', 'Site'), tr('Chủ trì', 'Lead'), tr('Có mặt', 'Present'), tr('Khách mời', 'Guests')]}
          numeric={[2, 3]}
          minWidth={480}
          fz="sm"
          verticalSpacing={4}
        >
          {m.sites.map((s) => (
            <Table.Tr key={s.id} data-testid="site-row" data-host={s.hostOrgId ?? ''}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/meetings/${m.id}/sites/${s.id}`}
                  title={
                    hostName(s.hostOrgId) ? `${tr('Tổ chức điểm danh', 'Run by')}: ${hostName(s.hostOrgId)}` : undefined
                  }
                  data-testid="site-link"
                >
                  {s.name}
                </Anchor>
                {/* The host is named when the point's name does not already say where it is. */}
                {hostName(s.hostOrgId) && !s.name.includes(placeOf(hostName(s.hostOrgId))) && (
                  <Text size="xs" c="dimmed" data-testid="site-host-name">
                    {tr('Tổ chức điểm danh', 'Run by')}: {hostName(s.hostOrgId)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.leadName ?? ''}</Table.Td>
              <Table.Td ta="right">
                <Badge variant="light" color={s.present > 0 ? 'green' : 'gray'}>
                  {s.present}/{s.summoned}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{s.guests}</Table.Td>
            </Table.Tr>
          ))}
        </HeadTable>
      )}
      {open && (
        <form onSubmit={submit} noValidate data-testid="site-form">
          <Group align="end" gap="xs" wrap="wrap">
            <NativeSelect
              label={tr('Tổ chức đảng nơi đặt điểm cầu', 'Host organization')}
              description={tr(
                'Văn thư của tổ chức này điểm danh tại điểm cầu',
                'Its clerk records attendance at the point',
              )}
              value={form.values.hostOrgId}
              onChange={(e) => chooseHost(e.currentTarget.value)}
              data={[
                { value: '', label: tr('(không)', '(none)') },
                ...hosts.map((o) => ({ value: o.id, label: orgLabel(o) })),
              ]}
              data-testid="site-host"
              w={300}
              maw="100%"
            />
            <FormText
              form={form}
              path="name"
              testid="site-name"
              placeholder={tr('Ví dụ: Điểm cầu xã Tân Lập', 'e.g. Tân Lập commune')}
              required
              w={260}
              maw="100%"
            >
              {tr('Tên điểm cầu', 'Site name')}
            </FormText>
            <MemberSelect
              meeting={m}
              none={['(chưa chọn)', '(none)']}
              label={tr('Người chủ trì', 'Lead')}
              {...form.getInputProps('leadPersonId')}
              testid="site-lead"
              w={220}
              maw="100%"
            />
            <Button type="submit" variant="light" loading={a.busy} data-testid="site-submit">
              {tr('Thêm điểm cầu', 'Add site')}
            </Button>
          </Group>
          <FormErrors name="site" form={form} write={a} />
        </form>
      )}
    </Stack>
  );
}
