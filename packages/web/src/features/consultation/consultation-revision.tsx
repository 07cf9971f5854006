import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { api, useApi } from '../../app/api';
import { NextVersionSchema, versionLabelVi } from '@quyche/core';
import { Link } from '../../app/router';
import { useTr } from '../../app/ui/i18n';
import { FormText } from '../../app/ui/form-text';
import { StepText } from '../task/step-form';
import { useRun } from '../../app/ui/use-run';
import { FormEnd } from '../../app/ui/shared-form-end';
import { ListAlert } from '../../app/ui/shared-list-alert';
import { FormCard } from '../../app/ui/shared-section-card';
import { useSchemaForm } from '../../app/ui/schema-form';
import { AdoptionSection, SubmitForm } from './consultation-adoption';
import type { SectionProps } from './consultation-comments';
import type { ComparisonRow, Consultation, NextVersionResult } from './consultation.parts';
import { leadColumns, Passage } from './consultation.parts';
import { LoadState } from '../../app/ui/load-state';

/**
 * "Bản chỉnh lý": once nothing blocks it, the next version with the accepted wording and its memo; the comparison
 * table against the draft circulated; then the submission to the competent body's meeting and the adoption.
 */
export function RevisionSection({ c, onConsultation, reload }: SectionProps) {
  const [, tr] = useTr();
  const [result, setResult] = useState<NextVersionResult | null>(null);
  const [again, setAgain] = useState(false);
  const canRevise = c.can.manage && (c.state === 'open' || (c.state === 'revised' && again));
  return (
    <Stack gap="md" data-testid="revision">
      {c.state === 'open' && !c.can.manage && (
        <Text size="sm" c="dimmed">
          {tr('Chưa có bản chỉnh lý.', 'No revision yet.')}
        </Text>
      )}
      {canRevise && c.blockers.length > 0 && (
        <ListAlert
          color="orange"
          title={tr('Chưa lập được bản chỉnh lý', 'The revision cannot be made yet')}
          testid="revision-blocked"
          items={c.blockers}
        />
      )}
      {canRevise && c.blockers.length === 0 && (
        <NextVersionForm
          {...{ c, onConsultation, reload }}
          onDone={(r) => {
            setResult(r);
            setAgain(false);
            onConsultation(r.consultation);
          }}
        />
      )}
      {c.nextExpression !== null && (
        <Card withBorder>
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" align="end">
              <Title order={2} size="h4">
                {tr('Bản chỉnh lý', 'Revision')}{' '}
                <Badge
                  variant="light"
                  size="lg"
                  style={{ textTransform: 'none' }}
                  data-testid="revision-expression"
                  data-expression={c.nextExpression ?? ''}
                >
                  {c.nextExpression ? versionLabelVi(c.nextExpression) : ''}
                </Badge>
              </Title>
              {c.can.manage && c.state === 'revised' && !again && (
                <Button size="xs" variant="subtle" onClick={() => setAgain(true)} data-testid="revision-again">
                  {tr('Chỉnh lý lại', 'Revise again')}
                </Button>
              )}
            </Group>
            {c.memo && (
              <Passage label={tr('Tờ trình', 'Memo')} testid="revision-memo-view">
                {c.memo}
              </Passage>
            )}
            {result && result.versionId === c.nextVersionId && (
              <Text size="sm" data-testid="revision-applied" data-count={result.applied.length}>
                {result.applied.length
                  ? tr(
                      `Đã đưa nội dung tiếp thu vào: ${[...new Set(result.applied.map((x) => x.cite))].join('; ')}.`,
                      `Accepted wording taken into: ${[...new Set(result.applied.map((x) => x.cite))].join('; ')}.`,
                    )
                  : tr(
                      'Không có nội dung tiếp thu nào thay câu chữ của dự thảo.',
                      'No accepted wording changed the text.',
                    )}
              </Text>
            )}
            {result && result.versionId === c.nextVersionId && !!result.rulesToReview?.length && (
              <ListAlert
                color="yellow"
                title={tr('Quy tắc cần rà soát lại', 'Rules to check again')}
                testid="revision-rules-to-review"
                items={result.rulesToReview.map((x) =>
                  tr(
                    `${x.cite}: câu chữ đã sửa theo ý kiến tiếp thu, quy tắc ${x.ruleIds.join(', ')} giữ nguyên ` +
                      `— kiểm tra quy tắc còn khớp với câu chữ mới.`,
                    `${x.cite}: the wording changed, rule ${x.ruleIds.join(', ')} did not — check that it still ` +
                      `matches.`,
                  ),
                )}
                wrapAnywhere={false}
              />
            )}
            {result && result.versionId === c.nextVersionId && !!result.consistency?.length && (
              <ListAlert
                color={result.consistency.some((f) => f.severity === 'error') ? 'red' : 'yellow'}
                title={tr('Đối chiếu với quy chế cấp trên', 'Against the superior’s regulation')}
                testid="revision-consistency"
                count={result.consistency.length}
                items={result.consistency.map((f) => f.message)}
              />
            )}
            <Comparison c={c} rows={result?.versionId === c.nextVersionId ? result.comparison : undefined} />
          </Stack>
        </Card>
      )}
      {c.state === 'revised' && c.can.manage && <SubmitForm {...{ c, onConsultation, reload }} />}
      {(c.state === 'submitted' || c.state === 'adopted') && <AdoptionSection {...{ c, onConsultation, reload }} />}
    </Stack>
  );
}

function NextVersionForm({ c, onDone }: SectionProps & { onDone: (r: NextVersionResult) => void }) {
  const [, tr] = useTr();
  const isDocument = c.kind === 'document';
  const form = useSchemaForm(NextVersionSchema, { memo: '', expression: '', text: '' }, (v) => ({
    version: c.version,
    memo: v.memo.trim(),
    ...(v.expression.trim() && !isDocument ? { expression: v.expression.trim() } : {}),
    ...(v.text.trim() && isDocument ? { text: v.text } : {}),
  }));
  const a = useRun<NextVersionResult>(onDone);
  const submit = form.submitBody(
    (body) => void a.run(() => api<NextVersionResult>('POST', `/consultations/${c.id}/next-version`, body)),
  );
  return (
    <FormCard
      title={tr('Lập bản chỉnh lý sau lấy ý kiến', 'Make the revision')}
      onSubmit={submit}
      testid="revision-form"
      gap="xs"
    >
      <Text size="sm" c="dimmed">
        {tr(
          'Bản chỉnh lý là dự thảo đã gửi, thay nội dung các khoản, điểm (các đoạn) theo ý kiến đã tiếp thu; kèm ' +
            'tờ trình, báo cáo giải trình.',
          'The revision is the draft circulated with the accepted wording in its clauses and points, with an ' +
            'explanatory memo.',
        )}
      </Text>
      <StepText form={form} path="memo" testid="revision-memo" minRows={3}>
        {tr('Tờ trình, báo cáo giải trình', 'Explanatory memo')}
      </StepText>
      {isDocument && (
        <Textarea
          label={tr('Toàn văn bản chỉnh lý', 'Full text of the revision')}
          description={tr(
            'Để trống: dự thảo đã gửi với các đoạn thay theo ý kiến đã tiếp thu. Mỗi dòng là một đoạn.',
            'Empty: the draft circulated with the accepted wording. One paragraph per line.',
          )}
          {...form.getInputProps('text')}
          autosize
          minRows={4}
          maxRows={16}
          data-testid="revision-text"
        />
      )}
      {!isDocument && (
        <FormText
          form={form}
          path="expression"
          testid="revision-expression-input"
          description={tr('Để trống: tự đánh số tiếp (…-2, …-3)', 'Empty: numbered on (…-2, …-3)')}
          placeholder={`${c.nextExpression ?? c.expression}-2`}
          maw={320}
        >
          {tr('Ký hiệu phiên bản', 'Version expression')}
        </FormText>
      )}
      <FormEnd name="revision" form={form} write={a} closable>
        {tr('Lập bản chỉnh lý', 'Make the revision')}
      </FormEnd>
    </FormCard>
  );
}

const CHANGE = {
  added: { vi: 'Bổ sung', en: 'Added', color: 'green' },
  removed: { vi: 'Bãi bỏ', en: 'Removed', color: 'red' },
  changed: { vi: 'Sửa đổi', en: 'Changed', color: 'yellow' },
} as const;

/** The comparison table (bảng so sánh): each provision added, removed or changed, before and after. */
export function Comparison({ c, rows }: { c: Consultation; rows?: ComparisonRow[] }) {
  const [l, tr] = useTr();
  // The consultation compares its draft and its revision, by provision (a regulation) or by paragraph (a document).
  const { data, error } = useApi<ComparisonRow[]>(rows ? null : `/consultations/${c.id}/comparison`);
  const list = rows ?? data;
  const regulationId = c.regulationId;
  const [from, to] = [c.versionId, c.nextVersionId];
  const H = {
    ...leadColumns(c.kind, tr),
    before: tr('Dự thảo gửi lấy ý kiến', 'Draft circulated'),
    after: tr('Bản chỉnh lý', 'Revision'),
    note: tr('Ghi chú', 'Note'),
  };
  return (
    <Stack gap="xs" data-testid="comparison">
      <Group justify="space-between" wrap="wrap">
        <Text fw={700} size="sm">
          {tr('Bảng so sánh', 'Comparison table')} {list ? `(${list.length})` : ''}
        </Text>
        {regulationId && from && to && (
          <Group gap="xs">
            <Anchor
              href={`/api/v1/regulations/${regulationId}/diff.docx?from=${from}&to=${to}`}
              size="sm"
              download
              data-testid="comparison-docx"
            >
              {tr('Tải bảng so sánh (DOCX)', 'Download (DOCX)')}
            </Anchor>
            <Anchor component={Link} to={`/regulations/${regulationId}`} size="sm">
              {tr('So sánh các phiên bản khác', 'Compare other versions')}
            </Anchor>
          </Group>
        )}
      </Group>
      <LoadState error={error} loading={!list && !error} empty={!!list && list.length === 0} size="sm">
        {tr('Bản chỉnh lý không khác dự thảo đã gửi.', 'The revision does not differ from the draft circulated.')}
      </LoadState>
      {list && list.length > 0 && (
        <table className="qc-c-grid" data-testid="comparison-table">
          <thead>
            <tr>
              <th style={{ width: 52, whiteSpace: 'nowrap' }}>{H.no}</th>
              <th style={{ width: '14%' }}>{H.cite}</th>
              <th>{H.before}</th>
              <th>{H.after}</th>
              <th style={{ width: 90 }}>{H.note}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r, i) => (
              <tr
                key={`${r.eId}-${i}`}
                className={`qc-c-${r.change}`}
                data-testid="comparison-row"
                data-eid={r.eId}
                data-cite={r.cite}
                data-change={r.change}
              >
                <td data-label={H.no}>{i + 1}</td>
                <td data-label={H.cite}>
                  <b>{r.cite}</b>
                </td>
                <td data-label={H.before} className="qc-c-before" data-testid="comparison-before">
                  <ProvisionText text={r.before} />
                </td>
                <td data-label={H.after} data-testid="comparison-after">
                  <ProvisionText text={r.after} />
                </td>
                <td data-label={H.note}>
                  <Badge size="xs" color={CHANGE[r.change].color} variant="light">
                    {CHANGE[r.change][l]}
                  </Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Stack>
  );
}

/**
 * A provision as the comparison describes it: its wording, then the rules it carries (one JSON line each), set apart.
 */
function ProvisionText({ text }: { text: string }) {
  const lines = text.split('\n');
  const words = lines.filter((x) => !x.startsWith('{')).join('\n');
  const rules = lines.filter((x) => x.startsWith('{'));
  return (
    <>
      {words}
      {rules.map((x, i) => (
        <code key={i} className="qc-c-rule">
          {x}
        </code>
      ))}
    </>
  );
}
