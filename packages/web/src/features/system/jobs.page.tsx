import { Button, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { api, ApiError, useApi } from '../../app/api';
import type { Me } from '../../app/session';
import { fmtDateTime } from '../../app/ui/dates';
import { useTr } from '../../app/ui/i18n';
import { FigureGrid } from '../../app/ui/figure-grid';
import { LoadState } from '../../app/ui/load-state';
import { PageHead } from '../../app/ui/shared-page-head';
import { Row, RowKey, RowMain, RowTable } from '../../app/ui/row-table';
import { useRun } from '../../app/ui/use-run';
import { useTitle } from '../../app/ui/use-title';
import { WriteError } from '../../app/ui/write-error';

interface FailedJob {
  id: string;
  kind: string;
  /** The job kind's Vietnamese name. */
  label: string;
  attempts: number;
  /** Why it failed, in Vietnamese. */
  lastError: string | null;
  lastTriedAt: string;
  createdAt: string;
}

interface JobQueue {
  counts: { queued: number; running: number; done: number; failed: number };
  failed: FailedJob[];
}

/** What the server answers another account (403), shown without asking it: a refused request is a console error. */
const NOT_ADMIN = new ApiError(403, 'Không có quyền', 'Chỉ quản trị viên xem và chạy lại công việc nền', 'FORBIDDEN');

/**
 * "Công việc nền": the background jobs by state, and the failed ones with their reason, each of which the
 * administrator may run again ("Chạy lại"). Other accounts get the no-access page.
 */
export function JobsPage({ me }: { me: Me }) {
  const [, tr] = useTr();
  useTitle(tr('Công việc nền', 'Background jobs'));
  const admin = me.grants.some((g) => g.role === 'admin');
  const { data, error, loading, reload } = useApi<JobQueue>(admin ? '/system/jobs' : null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const w = useRun<void>(() => {
    setRetrying(null);
    reload();
  });
  const retry = (id: string) => {
    setRetrying(id);
    void w
      .run(() => api<void>('POST', `/system/jobs/${encodeURIComponent(id)}/retry`))
      .then((ok) => {
        if (!ok) setRetrying(null);
      });
  };
  if (!admin || error) return <LoadState error={admin ? error : NOT_ADMIN} loading={false} />;
  const counts = data
    ? [
        { key: 'queued', label: tr('Đang chờ', 'Queued'), value: data.counts.queued },
        { key: 'running', label: tr('Đang chạy', 'Running'), value: data.counts.running },
        { key: 'done', label: tr('Đã xong', 'Done'), value: data.counts.done },
        // Only a failure is a figure to act on.
        { key: 'failed', label: tr('Thất bại', 'Failed'), value: data.counts.failed, color: 'red' },
      ]
    : [];
  return (
    <Stack data-testid="jobs-page">
      <PageHead title={tr('Công việc nền', 'Background jobs')}>
        {tr(
          'Các việc máy chủ tự chạy: nhắc hạn, tổng hợp hằng tuần, sao lưu định kỳ. Việc thất bại được chạy lại ' +
            'sau khi khắc phục nguyên nhân.',
          'What the server runs by itself: reminders, the weekly digest, scheduled backups. A failed job is run ' +
            'again once its cause is fixed.',
        )}
      </PageHead>
      <LoadState error={undefined} loading={loading && !data} />
      {data && (
        <>
          <FigureGrid figures={counts} cols={{ base: 2, sm: 4 }} testid="job-counts" prefix="job-count" />
          <Title order={2} size="h4">
            {tr('Công việc thất bại', 'Failed jobs')}
          </Title>
          <WriteError error={w.error} testid="job-retry-error" onClose={() => w.setError(null)} />
          <LoadState error={undefined} loading={false} empty={data.failed.length === 0} emptyTestid="jobs-none">
            {tr('Không có công việc nào thất bại.', 'No job has failed.')}
          </LoadState>
          {data.failed.length > 0 && (
            <RowTable
              columns="minmax(0, 2fr) minmax(0, 0.7fr) minmax(0, 1.1fr) minmax(0, 2.4fr) auto"
              testid="job-rows"
              head={[
                tr('Công việc', 'Job'),
                tr('Số lần chạy', 'Attempts'),
                tr('Lần chạy cuối', 'Last tried'),
                tr('Lý do', 'Reason'),
                '',
              ]}
            >
              {data.failed.map((j) => (
                <Row key={j.id} data-testid="job-row" data-id={j.id} data-kind={j.kind}>
                  <RowMain
                    title={j.label}
                    testid="job-label"
                    sub={
                      <>
                        {tr('Tạo lúc', 'Created')} {fmtDateTime(j.createdAt)}
                      </>
                    }
                  />
                  <div data-testid="job-attempts">
                    <RowKey>{tr('Số lần chạy', 'Attempts')}: </RowKey>
                    {j.attempts}
                  </div>
                  <div data-testid="job-last-tried">
                    <RowKey>{tr('Lần chạy cuối', 'Last tried')}: </RowKey>
                    {fmtDateTime(j.lastTriedAt)}
                  </div>
                  <div data-testid="job-error" style={{ overflowWrap: 'anywhere' }}>
                    <RowKey>{tr('Lý do', 'Reason')}: </RowKey>
                    {j.lastError ?? tr('(không rõ)', '(unknown)')}
                  </div>
                  <div>
                    <Button
                      size="xs"
                      variant="light"
                      loading={w.busy && retrying === j.id}
                      disabled={w.busy && retrying !== j.id}
                      onClick={() => retry(j.id)}
                      data-testid="job-retry"
                    >
                      {tr('Chạy lại', 'Run again')}
                    </Button>
                  </div>
                </Row>
              ))}
            </RowTable>
          )}
        </>
      )}
    </Stack>
  );
}
