import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { ASSESSMENT_FIGURE_ORDER } from '@quyche/core';
import { useApi } from '../../app/api';
import { CardTable } from '../../app/ui/card-table';
import { fmt } from '../../app/ui/dates';
import { useTr } from '../../app/ui/i18n';
import { LoadState } from '../../app/ui/load-state';
import { PageHeader } from '../../app/ui/page-header';
import { SectionCard } from '../../app/ui/shared-section-card';
import { useTitle } from '../../app/ui/use-title';
import { AssessorForms, SelfForm } from './assessment.forms';
import { label, LEVEL, LEVEL_COLOR, STATE } from './assessment.labels';
import type { Sheet } from './assessment.labels';

/** A record's month ('2026-03') or a count, as a clerk reads it. */
const monthVi = (m: string) => (/^\d{4}-\d{2}$/.test(m) ? `${m.slice(5)}/${m.slice(0, 4)}` : m);

/**
 * A member's (or an organization's) assessment sheet for a year: what the rules give for the record and the points,
 * the record's figures each with what it counts, the assessor's changes with their reasons, the self-assessment, the
 * cell's opinion and the decision. The member fills their self-assessment here, on a phone too.
 */
export function AssessmentPage({ id }: { id: string }) {
  const [l, tr] = useTr();
  const { data, error, loading, reload } = useApi<Sheet>(`/assessments/${encodeURIComponent(id)}`);
  useTitle(data ? `${data.name} — ${data.year}` : tr('Phiếu đánh giá', 'Assessment'));
  const figures = data
    ? ASSESSMENT_FIGURE_ORDER.filter((k) => data.evidence[k]).map((k) => [k, data.evidence[k]!] as const)
    : [];
  return (
    <Stack data-testid="assessment-page" data-state={data?.state} maw={980}>
      <PageHeader
        title={data ? data.name : tr('Phiếu đánh giá', 'Assessment')}
        sub={
          data &&
          `${tr('Đánh giá, xếp loại chất lượng năm', 'Assessment of')} ${data.year}` +
            (data.subject === 'member' ? ` · ${data.orgName}` : '') +
            ` · ${label(STATE, data.state, l)}`
        }
      />
      <LoadState error={error} loading={loading && !data} />
      {data && (
        <>
          <SectionCard title={tr('Mức xếp loại', 'Level')} testid="assessment-level">
            {data.decision ? (
              <Stack gap={4} data-testid="assessment-decision" data-level={data.decision.level}>
                <Group gap="xs">
                  <Badge color={LEVEL_COLOR[data.decision.level]} size="lg" variant="light" tt="none">
                    {label(LEVEL, data.decision.level, l)}
                  </Badge>
                  <Text size="sm">
                    {tr('Cấp có thẩm quyền quyết định', 'Decided')} {fmt(data.decision.on)}
                  </Text>
                </Group>
                {data.decision.justification && <Text size="sm">{data.decision.justification}</Text>}
                {data.decision.basis && (
                  <Text size="xs" c="dimmed">
                    {data.decision.basis.reason_vi}
                  </Text>
                )}
              </Stack>
            ) : data.classification ? (
              <Stack gap={4} data-testid="assessment-classification" data-level={data.classification.level}>
                <Group gap="xs">
                  <Text size="sm">
                    {tr('Theo hồ sơ và điểm tự chấm, mức cao nhất:', 'Highest level the record allows:')}
                  </Text>
                  <Badge color={LEVEL_COLOR[data.classification.level]} variant="light" tt="none">
                    {label(LEVEL, data.classification.level, l)}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed" data-testid="assessment-reason">
                  {data.classification.reason_vi}
                </Text>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed" data-testid="assessment-no-self">
                {tr('Chưa tự đánh giá, chấm điểm.', 'Not self-assessed yet.')}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {tr('Theo', 'Under')} {data.rules.title}
            </Text>
            <Button
              component="a"
              variant="default"
              size="xs"
              w={{ base: '100%', xs: 'auto' }}
              href={`/api/v1/assessments/${encodeURIComponent(data.id)}/form.docx`}
              data-testid="assessment-form-docx"
            >
              {data.subject === 'member'
                ? tr('Tải bản kiểm điểm theo Mẫu 02B (DOCX)', 'Download on form 02B (DOCX)')
                : tr('Tải báo cáo theo Mẫu 01 (DOCX)', 'Download on form 01 (DOCX)')}
            </Button>
          </SectionCard>
          <SelfForm sheet={data} onSaved={reload} />
          <SectionCard title={tr('Số liệu từ hồ sơ', 'Figures from the record')} testid="assessment-evidence">
            <CardTable minWidth={640} striped fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tr('Số liệu', 'Figure')}</Table.Th>
                  <Table.Th>{tr('Số', 'Value')}</Table.Th>
                  <Table.Th>{tr('Căn cứ', 'Basis')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {figures.map(([k, f]) => (
                  <Table.Tr key={k} data-testid="assessment-figure" data-key={k} data-value={f.value}>
                    <Table.Td className="qc-wide">{f.label_vi}</Table.Td>
                    <Table.Td data-label={tr('Số', 'Value')}>
                      <Group gap={4}>
                        <b>{f.value}</b>
                        {f.adjusted && (
                          <Badge size="xs" color="orange" variant="light" tt="none">
                            {tr('đã sửa', 'changed')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td data-label={tr('Căn cứ', 'Basis')}>
                      {f.basis_vi}
                      {f.records.length > 0 && /^\d{4}-\d{2}$/.test(f.records[0]!) && (
                        <Text size="xs" c="dimmed">
                          {f.records.map(monthVi).join(', ')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </CardTable>
            {Object.entries(data.facts).some(([, f]) => f.value) && (
              <Stack gap={2} data-testid="assessment-facts">
                {Object.entries(data.facts)
                  .filter(([, f]) => f.value)
                  .map(([k, f]) => (
                    <Text key={k} size="sm" c="red">
                      {f.label_vi}
                    </Text>
                  ))}
              </Stack>
            )}
            {data.adjustments.length > 0 && (
              <Stack gap={4} data-testid="assessment-adjustments">
                <Text size="sm" fw={600}>
                  {tr('Người đánh giá đã sửa', 'Changed by the assessor')}
                </Text>
                {data.adjustments.map((a, i) => (
                  <Text key={i} size="sm" data-testid="assessment-adjustment">
                    {a.label_vi}: {String(a.from)} → {String(a.to)} ({a.by}, {fmt(a.on)}). {tr('Lý do', 'Reason')}:{' '}
                    {a.reason}
                  </Text>
                ))}
              </Stack>
            )}
          </SectionCard>
          {data.opinion && (
            <SectionCard title={tr('Ý kiến của chi bộ', 'The cell’s opinion')} testid="assessment-opinion">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {data.opinion.text}
              </Text>
              {data.opinion.level && (
                <Text size="sm">
                  {tr('Đề xuất', 'Proposed')}: <b>{label(LEVEL, data.opinion.level, l)}</b>
                </Text>
              )}
            </SectionCard>
          )}
          <AssessorForms sheet={data} onSaved={reload} />
        </>
      )}
    </Stack>
  );
}
