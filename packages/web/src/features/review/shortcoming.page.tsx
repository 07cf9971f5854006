import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { CreateShortcomingSchema, FixShortcomingSchema, standingLabel, todayInVietnam } from '@quyche/core';
import type { ReviewReportListSchema, ShortcomingSchema } from '@quyche/core';
import type { z } from 'zod';
import { api, useApi } from '../../app/api';
import { fmt } from '../../app/ui/dates';
import { useTitle } from '../../app/ui/use-title';
import { Link } from '../../app/router';
import { useRun } from '../../app/ui/use-run';
import { FormDate } from '../../app/ui/date-field';
import { useSchemaForm } from '../../app/ui/schema-form';
import { promptChoice } from '../../app/ui/labels';
import { useTr } from '../../app/ui/i18n';
import { groupedLeads, useTaskOrg } from '../task/task.parts';
import { StepText } from '../task/step-form';
import { LoadState } from '../../app/ui/load-state';
import { PageHeader } from '../../app/ui/page-header';
import { reportOptions, useReviewOrg } from './review.parts';
import { FormDialog } from '../../app/ui/form-dialog';

type Shortcoming = z.infer<typeof ShortcomingSchema>;

/**
 * The register of shortcomings (sổ theo dõi hạn chế, khuyết điểm): each with its lead, remedy, deadline and the
 * review that named it, open until closed with the evidence of its remedy; the reviews carry the open ones over.
 */
export function ShortcomingPage() {
  const [l, tr] = useTr();
  const namedOn = tr('nêu ngày', 'named on');
  const { orgId, mayWrite } = useReviewOrg();
  const [state, setState] = useState<'open' | 'fixed' | 'all'>('open');
  const list = useApi<Shortcoming[]>(
    orgId ? `/shortcomings?orgId=${encodeURIComponent(orgId)}${state === 'all' ? '' : `&state=${state}`}` : null,
  );
  const [adding, setAdding] = useState(false);
  const [fixing, setFixing] = useState<Shortcoming | null>(null);
  useTitle(tr('Hạn chế, khuyết điểm', 'Shortcomings'));
  const today = todayInVietnam();
  return (
    <Stack>
      <PageHeader
        title={tr('Sổ theo dõi hạn chế, khuyết điểm', 'Register of shortcomings')}
        sub={tr(
          'Hạn chế nêu tại sơ kết, tổng kết và kết luận kiểm tra; chuyển sang các kỳ sau cho đến khi khắc phục, ' +
            'có minh chứng.',
          'Named in reviews and inspections; carried over until fixed, with evidence.',
        )}
      >
        {mayWrite && orgId && (
          <Button onClick={() => setAdding(true)} data-testid="shortcoming-add">
            {tr('Ghi hạn chế', 'Add a shortcoming')}
          </Button>
        )}
      </PageHeader>
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
      <LoadState error={list.error} loading={list.loading && !list.data} empty={list.data?.length === 0}>
        {tr('Không có hạn chế nào.', 'None.')}
      </LoadState>
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
    <FormDialog
      onClose={onClose}
      title={tr('Ghi nhận đã khắc phục', 'Mark as fixed')}
      name="fix"
      onSubmit={save}
      form={form}
      run={run}
      submit={tr('Lưu', 'Save')}
    >
      <Text size="sm">{s.text}</Text>
      <FormDate form={form} path="fixedOn" testid="fix-date" required>
        {tr('Ngày khắc phục', 'Fixed on')}
      </FormDate>
      <Textarea
        label={tr('Minh chứng khắc phục', 'Evidence')}
        description={tr('Văn bản, số liệu chứng minh đã khắc phục', 'Documents or figures that show the remedy')}
        required
        autosize
        minRows={3}
        {...form.getInputProps('evidence')}
        data-testid="fix-evidence"
      />
    </FormDialog>
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
    <FormDialog
      onClose={onClose}
      size="lg"
      title={tr('Ghi hạn chế, khuyết điểm', 'Add a shortcoming')}
      name="add"
      onSubmit={submit}
      form={form}
      run={run}
      submit={tr('Lưu', 'Save')}
    >
      <StepText form={form} path="text" testid="add-text">
        {tr('Hạn chế, khuyết điểm', 'Shortcoming')}
      </StepText>
      <StepText form={form} path="remedy" testid="add-remedy">
        {tr('Biện pháp khắc phục', 'Remedy')}
      </StepText>
      <NativeSelect
        label={tr('Đơn vị chủ trì khắc phục', 'Lead')}
        required
        {...form.getInputProps('lead')}
        data-testid="add-lead"
        data={[promptChoice(!org, tr('— chọn một đơn vị —', '— choose one —'), tr), ...groupedLeads(leads, l)]}
      />
      <Group wrap="wrap" align="start">
        <FormDate form={form} path="identifiedOn" testid="add-identified" required>
          {tr('Ngày nêu', 'Named on')}
        </FormDate>
        <FormDate form={form} path="dueDate" testid="add-due" required>
          {tr('Hạn khắc phục', 'Due')}
        </FormDate>
      </Group>
      <NativeSelect
        label={tr('Nêu tại', 'Named in')}
        {...form.getInputProps('reviewReportId')}
        data-testid="add-source"
        data={[
          { value: '', label: tr('(ghi trực tiếp vào sổ)', '(entered directly)') },
          ...reportOptions(reports.data),
        ]}
      />
    </FormDialog>
  );
}
