import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { api } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link } from '../../app/router';
import { MeetingStateBadge } from './meeting.parts';
import { WriteError } from '../../app/ui/write-error';
import { sameCounts, useLiveSummary } from './meeting.live';
import { useTr } from '../../app/ui/i18n';
import { FormProblem } from '../../app/ui/form-problem';
import { blankAs, useSchemaForm } from '../../app/ui/schema-form';
import { GuestFields } from './guest-fields';
import type { SiteView } from './meeting.parts';
import { useRecord } from '../../app/record';
import { SiteGuestSchema } from '@quyche/core';
import type { z } from 'zod';
import { useRun } from '../../app/ui/use-run';

type SiteGuest = z.input<typeof SiteGuestSchema>;

type Person = SiteView['attendance'][number];
const FINISHED = ['closed', 'minutes_approved', 'cancelled'];
const collator = new Intl.Collator('vi');

/**
 * A connection point's own view of the meeting (GET /meetings/:id/sites/:siteId): what the organization hosting the
 * point may see — the live figures and who attends there — kept live by the point's event stream.
 */
function useSiteView(id: string, siteId: string) {
  const base = `/meetings/${encodeURIComponent(id)}/sites/${encodeURIComponent(siteId)}`;
  const { data: view, setData: setView, error, reload } = useRecord<SiteView>(base);
  // Who is marked where is not in the summary: the point's list is fetched again when the figures moved.
  const { connected } = useLiveSummary(`/api/v1${base}/events`, view, {
    meetingId: (x) => x.meeting.id,
    stale: (cur, s) =>
      s.state !== cur.meeting.state ||
      !sameCounts(s.counts, cur.live.counts) ||
      JSON.stringify(s.sites) !== JSON.stringify(cur.live.sites),
    patch: (s) => setView((v) => (v ? { ...v, live: s } : v)),
    reload,
  });
  return { view, setView, error, reload, connected, base };
}

/** A connection point on a phone: the live numbers, one-tap "Có mặt" for the people there, its guests. */
export function SitePage({ id, siteId }: { id: string; siteId: string }) {
  const [, tr] = useTr();
  const { view, setView, error, reload, connected, base } = useSiteView(id, siteId);
  const act = useRun<SiteView>(setView);
  const busy = act.busy;
  useTitle(view ? `${view.site.name} — ${view.meeting.title}` : undefined);
  if (error && !view) return <ErrorView error={error} />;
  if (!view) return <Loading />;
  const { meeting, site, live } = view;
  // Recording needs the right to write (the meeting's organization or the point's host) and an open meeting.
  const editable = view.can.write && !FINISHED.includes(meeting.state) && meeting.state !== 'planned';
  const here = live.sites.find((s) => s.id === site.id) ?? { summoned: 0, present: 0, guests: 0 };
  const members = view.attendance
    .filter((x) => x.role === 'member')
    .sort((a, b) => collator.compare(a.fullName, b.fullName));
  const mine = members.filter((x) => x.here);
  const free = members.filter((x) => !x.here && !x.siteId);
  const elsewhere = members.filter((x) => !x.here && x.siteId);
  const guests = view.attendance.filter((x) => x.role === 'guest');
  // A refused write may come from a list that moved on elsewhere: the point's view is fetched again.
  const run = async (f: () => Promise<SiteView>) => {
    const done = await act.run(f);
    if (!done) void reload();
    return done;
  };
  const mark = (x: Person, status: string) =>
    run(() => api<SiteView>('PATCH', `${base}/attendance/${x.id}`, { status }));
  const quorum = live.quorum;
  const row = (x: Person) => (
    <Card key={x.id} withBorder p="xs" data-testid="site-person" data-status={x.status} data-here={String(x.here)}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {x.fullName}
          </Text>
          {x.title && (
            <Text size="xs" c="dimmed">
              {x.title}
            </Text>
          )}
        </div>
        {x.status === 'present' && x.here ? (
          <Group gap={4} wrap="nowrap">
            <Badge color="green" size="lg">
              {tr('Có mặt', 'Present')}
            </Badge>
            {editable && (
              <Button
                variant="subtle"
                size="xs"
                color="gray"
                onClick={() => mark(x, 'summoned')}
                disabled={busy}
                data-testid="site-undo"
              >
                {tr('Bỏ', 'Undo')}
              </Button>
            )}
          </Group>
        ) : view.can.write ? (
          <Button
            size="md"
            color="green"
            onClick={() => mark(x, 'present')}
            disabled={!editable || busy}
            data-testid="site-present"
            style={{ flex: 'none' }}
          >
            {tr('Có mặt', 'Present')}
          </Button>
        ) : null}
      </Group>
    </Card>
  );
  return (
    <Stack gap="sm" data-testid="site-page">
      <div>
        <Text size="sm" c="dimmed">
          {tr('Điểm cầu', 'Connection point')}
        </Text>
        <Title order={1} size="h2" data-testid="site-name" style={{ overflowWrap: 'anywhere' }}>
          {site.name}
        </Title>
        <Anchor
          component={Link}
          to={`/meetings/${meeting.id}`}
          size="sm"
          data-testid="site-meeting"
          style={{ overflowWrap: 'anywhere' }}
        >
          {meeting.title}
        </Anchor>
        <Group gap="xs" mt={4}>
          <MeetingStateBadge state={meeting.state} size="sm" />
          <Text size="xs" c="dimmed">
            {meeting.bodyName} · {fmt(meeting.meetingDate)}
            {meeting.startsAt ? ` · ${meeting.startsAt}` : ''}
            {site.leadName ? ` · ${tr('Chủ trì điểm cầu', 'Site lead')}: ${site.leadName}` : ''}
          </Text>
        </Group>
      </div>
      <SimpleGrid cols={2} spacing="xs">
        <Card withBorder p="xs" ta="center">
          <Text size="xs" c="dimmed">
            {tr('Toàn hội nghị', 'Whole meeting')}
          </Text>
          <div className="qc-big" data-testid="site-total" data-present={live.counts.present}>
            {live.counts.present}/{live.counts.summoned}
          </div>
          <Text size="xs">{tr('có mặt', 'present')}</Text>
        </Card>
        <Card withBorder p="xs" ta="center">
          <Text size="xs" c="dimmed">
            {tr('Tại điểm cầu này', 'At this site')}
          </Text>
          <div className="qc-big" data-testid="site-here" data-present={here.present}>
            {here.present}/{here.summoned}
          </div>
          <Text size="xs">
            {tr('có mặt', 'present')} · {tr('khách mời', 'guests')} {here.guests}
          </Text>
        </Card>
      </SimpleGrid>
      {quorum && (
        <Card withBorder p="xs" bg={quorum.ok ? 'green.0' : 'red.0'}>
          <Text size="sm" c={quorum.ok ? 'green.9' : 'red.9'} data-testid="site-quorum" data-ok={String(quorum.ok)}>
            {quorum.reason_vi}
          </Text>
        </Card>
      )}
      {!connected && editable && (
        <Text size="xs" c="dimmed" data-testid="live-offline">
          {tr('Đang kết nối cập nhật trực tiếp…', 'Connecting to live updates…')}
        </Text>
      )}
      {!editable && (
        <Text size="sm" c="dimmed">
          {meeting.state === 'planned'
            ? tr('Hội nghị chưa triệu tập: chưa điểm danh.', 'Not convened yet: no attendance.')
            : tr(
                'Hội nghị đã kết thúc hoặc đã hủy: không điểm danh nữa.',
                'The meeting has ended: attendance is closed.',
              )}
        </Text>
      )}
      <WriteError error={act.error} testid="site-error" onClose={() => act.setError(null)} />
      <Title order={2} size="h4">
        {tr('Đại biểu tại điểm cầu', 'People at this site')} ({mine.length})
      </Title>
      {mine.length === 0 && (
        <Text size="sm" c="dimmed">
          {tr('Chưa có đại biểu nào ở điểm cầu này', 'Nobody at this site yet')}
        </Text>
      )}
      <Stack gap={6}>{mine.map(row)}</Stack>
      {editable && free.length > 0 && (
        <>
          <Title order={2} size="h5">
            {tr('Đại biểu chưa điểm danh ở điểm cầu nào', 'People not yet at any site')} ({free.length})
          </Title>
          <Text size="xs" c="dimmed">
            {tr('Bấm "Có mặt" để ghi nhận đại biểu dự tại điểm cầu này.', 'Tap "Present" to record them at this site.')}
          </Text>
          <Stack gap={6}>{free.map(row)}</Stack>
        </>
      )}
      {elsewhere.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="site-elsewhere">
          {tr('Ở điểm cầu khác', 'At other sites')}: {elsewhere.length}
        </Text>
      )}
      <Title order={2} size="h5">
        {tr('Khách mời tại điểm cầu', 'Guests at this site')} ({guests.length})
      </Title>
      {guests.map((g) => (
        <Text key={g.id} size="sm" data-testid="site-guest">
          {g.fullName}
          {g.title ? `, ${g.title}` : ''}
        </Text>
      ))}
      {view.can.write && !FINISHED.includes(meeting.state) && (
        <SiteGuestForm onAdd={(body) => run(() => api<SiteView>('POST', `${base}/guests`, body))} busy={busy} />
      )}
    </Stack>
  );
}

function SiteGuestForm({ onAdd, busy }: { onAdd: (body: SiteGuest) => Promise<boolean>; busy: boolean }) {
  const [, tr] = useTr();
  const form = useSchemaForm(SiteGuestSchema, { name: '', title: '' }, (v) => ({
    name: v.name.trim(),
    title: blankAs(v.title, null),
  }));
  const submit = form.submitBody(async (body) => {
    if (await onAdd(body)) form.reset();
  });
  return (
    <form onSubmit={submit} noValidate data-testid="guest-form">
      <Stack gap={6}>
        <GuestFields field={form.getInputProps} />
        <FormProblem errors={form.errors} testid="guest-problem" />
        <Group>
          <Button type="submit" variant="light" loading={busy} data-testid="guest-submit">
            {tr('Thêm khách mời tại điểm cầu', 'Add a guest here')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
