import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { CreateShortcomingSchema, FixShortcomingSchema, standingLabel, todayInVietnam } from '@quyche/core';
import type { ReviewReportListSchema, ShortcomingSchema } from '@quyche/core';
import type { z } from 'zod';
import { api, useApi } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { fmt } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { Link, useLocation } from '../../app/router';
import { useRun } from '../../app/ui/use-run';
import { DateField } from '../../app/ui/date-field';
import { useSchemaForm } from '../../app/ui/schema-form';
import { useTr } from '../../app/ui/i18n';
import { groupedLeads, useTaskAccess, useTaskOrg } from '../task/task.parts';
import { DialogFormEnd } from '../../app/ui/dialog-form-end';

type Shortcoming = z.infer<typeof ShortcomingSchema>;

/**
 * The register of shortcomings (sổ theo dõi hạn chế, khuyết điểm): each with its lead, remedy, deadline and the
 * review that named it, open until closed with the evidence of its remedy; the reviews carry the open ones over.
 */
export function ShortcomingPage() {
  const [l, tr] = useTr();
  const namedOn = tr('nêu ngày', 'named on');
  const { query } = useLocation();
  const { home, me } = useTaskAccess();
  const orgId = query.get('org') ?? home;
  const [state, setState] = useState<'open' | 'fixed' | 'all'>('open');
  const list = useApi<Shortcoming[]>(
    orgId ? `/shortcomings?orgId=${encodeURIComponent(orgId)}${state === 'all' ? '' : `&state=${state}`}` : null,
  );
  const [adding, setAdding] = useState(false);
  const [fixing, setFixing] = useState<Shortcoming | null>(null);
  const mayWrite = !!me?.grants.some((g) => g.role === 'admin' || g.role === 'clerk');
  useTitle(tr('Hạn chế, khuyết điểm', 'Shortcomings'));
  const today = todayInVietnam();
  return (
    <Stack>
      <Group justify="space-between" align="end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {tr('Sổ theo dõi hạn chế, khuyết điểm', 'Register of shortcomings')}
          </Title>
          <Text size="sm" c="dimmed">
            {tr(
              'Hạn chế nêu tại sơ kết, tổng kết và kết luận kiểm tra; chuyển sang các kỳ sau cho đến khi khắc phục, ' +
                'có minh chứng.',
              'Named in reviews and inspections; carried over until fixed, with evidence.',
            )}
          </Text>
        </div>
        {mayWrite && orgId && (
          <Button onClick={() => setAdding(true)} data-testid="shortcoming-add">
            {tr('Ghi hạn chế', 'Add a shortcoming')}
          </Button>
        )}
      </Group>
      <SegmentedControl
        value={state}
        onChange={(v) => setState(v as typeof state)}
        data={[
          { value: 'open', label: tr('Chưa khắc phục', 'Open') },
          { value: 'fixed', label: tr('Đã khắc phục', 'Fixed') },
          { value: 'all', label: tr('Tất cả', 'All') },
        ]}
        w="fit-content"
        data-testid="shortcoming-filter"
      />
      {list.error && <ErrorView error={list.error} />}
      {list.loading && !list.data && <Loading />}
      {list.data?.length === 0 && <Text c="dimmed">{tr('Không có hạn chế nào.', 'None.')}</Text>}
      {list.data?.map((s) => (
        <Card key={s.id} withBorder p="sm" data-testid="shortcoming" data-state={s.state}>
          <Group justify="space-between" align="start" wrap="wrap" gap="xs">
            <Text fw={600} style={{ flex: 1, minWidth: 220, overflowWrap: 'anywhere' }}>
              {s.text}
            </Text>
            <Badge
              color={s.state === 'fixed' ? 'green' : s.dueDate < today ? 'red' : 'yellow'}
              variant="light"
              tt="none"
              data-testid="shortcoming-standing"
            >
              {s.state === 'fixed'
                ? `${tr('Đã khắc phục ngày', 'Fixed on')} ${fmt(s.fixedOn)}`
                : standingLabel(
                    { id: s.id, identifiedOn: s.identifiedOn, fixedOn: null, dueDate: s.dueDate },
                    { from: s.identifiedOn, to: today },
                  ).replace(/^./, (c) => c.toUpperCase())}
            </Badge>
          </Group>
          <Text size="sm" mt={4}>
            {tr('Biện pháp', 'Remedy')}: {s.remedy}
          </Text>
          <Text size="sm" c="dimmed">
            {s.lead.name} {tr('chủ trì', 'leads')} · {tr('hạn', 'due')} {fmt(s.dueDate)} · {namedOn}{' '}
            {fmt(s.identifiedOn)} ·{' '}
            {s.reviewReportId ? (
              <Anchor component={Link} to={`/review-reports/${s.reviewReportId}`} size="sm">
                {s.source_vi}
              </Anchor>
            ) : (
              s.source_vi
            )}
          </Text>
          {s.evidence && (
            <Text size="sm" c="green.9" data-testid="shortcoming-evidence">
              {tr('Minh chứng', 'Evidence')}: {s.evidence}
            </Text>
          )}
          {mayWrite && s.state === 'open' && (
            <Button
              size="xs"
              variant="light"
              mt="xs"
              w="fit-content"
              onClick={() => setFixing(s)}
              data-testid="shortcoming-fix"
            >
              {tr('Ghi nhận đã khắc phục', 'Mark as fixed')}
            </Button>
          )}
        </Card>
      ))}
      {orgId && adding && (
        <AddDialog
          orgId={orgId}
          onClose={() => setAdding(false)}
          onDone={() => (setAdding(false), list.reload())}
          l={l}
        />
      )}
      {fixing && (
        <FixDialog s={fixing} onClose={() => setFixing(null)} onDone={() => (setFixing(null), list.reload())} />
      )}
    </Stack>
  );
}

function FixDialog({ s, onClose, onDone }: { s: Shortcoming; onClose: () => void; onDone: () => void }) {
  const [, tr] = useTr();
  const form = useSchemaForm(FixShortcomingSchema, { fixedOn: todayInVietnam(), evidence: '' }, (v) => ({
    version: s.version,
    fixedOn: v.fixedOn,
    evidence: v.evidence,
  }));
  const run = useRun<Shortcoming>(onDone);
  const save = form.submitBody(
    (body) => void run.run(() => api<Shortcoming>('POST', `/shortcomings/${s.id}/fix`, body)),
  );
  return (
    <Modal opened onClose={onClose} title={<b>{tr('Ghi nhận đã khắc phục', 'Mark as fixed')}</b>}>
      <form onSubmit={save} noValidate data-testid="fix-form">
        <Stack>
          <Text size="sm">{s.text}</Text>
          <DateField
            label={tr('Ngày khắc phục', 'Fixed on')}
            {...form.valueProps('fixedOn')}
            testid="fix-date"
            required
          />
          <Textarea
            label={tr('Minh chứng khắc phục', 'Evidence')}
            description={tr('Văn bản, số liệu chứng minh đã khắc phục', 'Documents or figures that show the remedy')}
            required
            autosize
            minRows={3}
            {...form.getInputProps('evidence')}
            data-testid="fix-evidence"
          />
          <DialogFormEnd
            name="fix"
            errors={form.errors}
            error={run.error}
            busy={run.busy}
            onCancel={onClose}
            submit={tr('Lưu', 'Save')}
            submitTestid="fix-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}

type Lead = z.input<typeof CreateShortcomingSchema>['lead'];

function AddDialog({
  orgId,
  onClose,
  onDone,
  l,
}: {
  orgId: string;
  onClose: () => void;
  onDone: () => void;
  l: 'vi' | 'en';
}) {
  const [, tr] = useTr();
  const { org, leads } = useTaskOrg(orgId);
  const reports = useApi<z.infer<typeof ReviewReportListSchema>>(`/review-reports?orgId=${encodeURIComponent(orgId)}`);
  const form = useSchemaForm(
    CreateShortcomingSchema,
    { text: '', remedy: '', lead: '', dueDate: '', identifiedOn: todayInVietnam(), reviewReportId: '' },
    (v) => {
      const lead = leads.find((x) => x.value === v.lead);
      return {
        orgId,
        text: v.text,
        remedy: v.remedy,
        // No lead chosen is sent as none, so that the schema says it is missing.
        lead: (lead ? { kind: 'unit', id: lead.value, name: lead.label } : undefined) as Lead,
        dueDate: v.dueDate,
        identifiedOn: v.identifiedOn,
        reviewReportId: v.reviewReportId || null,
      };
    },
  );
  const run = useRun<Shortcoming>(onDone);
  const submit = form.submitBody((body) => void run.run(() => api<Shortcoming>('POST', '/shortcomings', body)));
  return (
    <Modal opened onClose={onClose} size="lg" title={<b>{tr('Ghi hạn chế, khuyết điểm', 'Add a shortcoming')}</b>}>
      <form onSubmit={submit} noValidate data-testid="add-form">
        <Stack>
          <Textarea
            label={tr('Hạn chế, khuyết điểm', 'Shortcoming')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('text')}
            data-testid="add-text"
          />
          <Textarea
            label={tr('Biện pháp khắc phục', 'Remedy')}
            required
            autosize
            minRows={2}
            {...form.getInputProps('remedy')}
            data-testid="add-remedy"
          />
          <NativeSelect
            label={tr('Đơn vị chủ trì khắc phục', 'Lead')}
            required
            {...form.getInputProps('lead')}
            data-testid="add-lead"
          >
            <option value="">{org ? tr('— chọn một đơn vị —', '— choose one —') : tr('Đang tải…', 'Loading…')}</option>
            {groupedLeads(leads, l).map((g) => (
              <optgroup key={g.group} label={g.group}>
                {g.items.map((x) => (
                  <option key={x.value} value={x.value}>
                    {x.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </NativeSelect>
          <Group wrap="wrap" align="start">
            <DateField
              label={tr('Ngày nêu', 'Named on')}
              {...form.valueProps('identifiedOn')}
              testid="add-identified"
              required
            />
            <DateField label={tr('Hạn khắc phục', 'Due')} {...form.valueProps('dueDate')} testid="add-due" required />
          </Group>
          <NativeSelect
            label={tr('Nêu tại', 'Named in')}
            {...form.getInputProps('reviewReportId')}
            data-testid="add-source"
          >
            <option value="">{tr('(ghi trực tiếp vào sổ)', '(entered directly)')}</option>
            {(reports.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </NativeSelect>
          <DialogFormEnd
            name="add"
            errors={form.errors}
            error={run.error}
            busy={run.busy}
            onCancel={onClose}
            submit={tr('Lưu', 'Save')}
            submitTestid="add-save"
          />
        </Stack>
      </form>
    </Modal>
  );
}
