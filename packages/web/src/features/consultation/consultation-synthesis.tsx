import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useApi } from '../../app/api';
import { useTr } from '../../app/ui/i18n';
import type { Consultation, Synthesis } from './consultation.parts';
import { leadColumns } from './consultation.parts';
import { LoadState } from '../../app/ui/load-state';

/**
 * "Bảng tổng hợp ý kiến, tiếp thu, giải trình": one row per provision in the order of the draft (general comments
 * first), each comment with who made it and how it was disposed of; the DOCX is the same table as a Party document.
 */
export function SynthesisSection({ c }: { c: Consultation }) {
  const [, tr] = useTr();
  const { data, error, loading, reload } = useApi<Synthesis>(`/consultations/${c.id}/synthesis`);
  const H = {
    ...leadColumns(c.kind, tr),
    draft: tr('Nội dung dự thảo', 'Draft text'),
    comment: tr('Ý kiến góp ý', 'Comments'),
    disp: tr('Tiếp thu, giải trình', 'Disposition, explanation'),
  };
  return (
    <Stack gap="sm" data-testid="synthesis">
      <Group justify="space-between" align="end" wrap="wrap">
        <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {data?.title ?? tr('Bảng tổng hợp ý kiến góp ý, tiếp thu, giải trình', 'Synthesis of comments')}
        </Title>
        <Group gap="xs">
          <Button size="xs" variant="subtle" onClick={reload} data-testid="synthesis-reload">
            {tr('Tải lại', 'Reload')}
          </Button>
          <Button
            size="xs"
            variant="light"
            component="a"
            href={`/api/v1/consultations/${c.id}/synthesis.docx`}
            download
            data-testid="synthesis-docx"
          >
            {tr('Tải bảng tổng hợp (DOCX)', 'Download (DOCX)')}
          </Button>
        </Group>
      </Group>
      <LoadState
        error={error}
        loading={loading && !data}
        empty={!!data && data.rows.length === 0}
        emptyTestid="synthesis-empty"
        size="sm"
      >
        {tr('Chưa có ý kiến góp ý nào vào dự thảo.', 'No comment on the draft yet.')}
      </LoadState>
      {data && data.rows.length > 0 && (
        <table className="qc-c-grid" data-testid="synthesis-table">
          <thead>
            <tr>
              <th style={{ width: 52, whiteSpace: 'nowrap' }}>{H.no}</th>
              <th style={{ width: '12%' }}>{H.cite}</th>
              <th style={{ width: '26%' }}>{H.draft}</th>
              <th>{H.comment}</th>
              <th style={{ width: '28%' }}>{H.disp}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <Fragment key={r.no}>
                {r.comments.map((x, i) => (
                  <tr key={x.id} data-testid="synthesis-row" data-eid={r.eId ?? ''} data-cite={r.cite} data-no={r.no}>
                    {i === 0 && (
                      <>
                        <td rowSpan={r.comments.length} data-label={H.no}>
                          {r.no}
                        </td>
                        <td rowSpan={r.comments.length} data-label={H.cite} data-testid="synthesis-cite">
                          <b>{r.cite}</b>
                        </td>
                        <td rowSpan={r.comments.length} data-label={H.draft}>
                          {r.draftText}
                        </td>
                      </>
                    )}
                    <td data-label={H.comment} data-testid="synthesis-comment">
                      <b>{x.from}</b>: {x.text}
                      {x.proposedText ? `\n${tr('Đề xuất sửa', 'Proposed')}: ${x.proposedText}` : ''}
                    </td>
                    <td data-label={H.disp} data-testid="synthesis-disposition">
                      <b className={x.disposition === 'Chưa xử lý' ? 'qc-c-red' : undefined}>{x.disposition}</b>
                      {x.explanation ? `\n${x.explanation}` : ''}
                    </td>
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {data && (
        <Stack gap={2}>
          <Text size="sm" data-testid="synthesis-no-comment">
            <b>{tr('Nhất trí, không có ý kiến', 'Agreed without comment')}:</b>{' '}
            {data.noComment.length ? data.noComment.join(', ') : tr('không có', 'none')}
          </Text>
          <Text size="sm" data-testid="synthesis-not-answered">
            <b>{tr('Không góp ý, chưa góp ý', 'Did not answer')}:</b>{' '}
            {data.notAnswered.length ? data.notAnswered.join(', ') : tr('không có', 'none')}
          </Text>
          <Text size="xs" c="dimmed">
            {tr(
              'Tệp DOCX theo thể thức văn bản của Đảng, để ký ban hành kèm tờ trình.',
              'The DOCX follows the Party’s document format, to be signed with the memo.',
            )}{' '}
            <Anchor href={`/api/v1/consultations/${c.id}/synthesis.docx`} size="xs" download>
              bang-tong-hop-y-kien.docx
            </Anchor>
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
