import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { SEARCH_KIND_LABELS } from '@quyche/core';
import type { SearchResult } from '@quyche/core';
import { useApi } from '../../app/api';
import { ErrorView } from '../../app/ui/error-view';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { label, useLang } from '../../app/ui/i18n';
import { Link, navigate, useLocation } from '../../app/router';

const T = {
  search: { vi: 'Tìm kiếm', en: 'Search' },
  placeholder: {
    vi: 'Số, ký hiệu văn bản, tên hội nghị, nhiệm vụ, lời văn quy chế, người, tổ chức…',
    en: 'Document number, meeting, task, regulation wording, person, organization…',
  },
  hint: {
    vi:
      'Tìm trong mọi hồ sơ bạn được xem: văn bản theo số, ký hiệu (ví dụ 78-TB/TU, 01-QC/TU, 03-CTr/TU), hội nghị, ' +
      'kết luận, nhiệm vụ, chương trình, kiểm tra, giám sát, kiến nghị, lấy ý kiến, điều, khoản quy chế, cán bộ và ' +
      'tổ chức. Gõ có dấu hoặc không dấu đều được.',
    en:
      'Search every record you may see: documents by number and symbol (e.g. 78-TB/TU), meetings, conclusions, ' +
      'tasks, programs, inspections, recommendations, consultations, regulation clauses, people and organizations, ' +
      'with or without diacritics.',
  },
  emptyTips: {
    vi: 'Hãy thử bớt từ, gõ không dấu, hoặc kiểm tra lại số, ký hiệu văn bản (ví dụ 78-TB/TU).',
    en: 'Try fewer words, no diacritics, or check the document number (e.g. 78-TB/TU).',
  },
  more: { vi: 'Hiện thêm kết quả', en: 'Show more results' },
};

/** Results per group at first; "show more" asks for this many. */
const FIRST = 8;
const MORE = 50;

/**
 * Search across everything the user may see, grouped by kind, best group first. Reads ?q= so that any page (the
 * header's search box, a shortcut) can open /search?q=…; the box takes the focus when the query changes.
 */
export function SearchPage() {
  const [l] = useLang();
  const { query } = useLocation();
  const q = (query.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  const [more, setMore] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setText(q);
    setMore(false);
    input.current?.focus();
  }, [q]);
  const { data, error, loading } = useApi<SearchResult>(
    q ? `/search?q=${encodeURIComponent(q)}&limit=${more ? MORE : FIRST}` : null,
  );
  useTitle(q ? `${label(l, T.search)}: ${q}` : label(l, T.search));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = text.trim();
    if (next) navigate(`/search?q=${encodeURIComponent(next)}`);
  };
  const current = data && data.q.trim() === q ? data : undefined;
  const found = current ? current.groups.reduce((n, g) => n + g.total, 0) : 0;
  const capped = current?.groups.some((g) => g.capped) ?? false;
  const truncated = current?.groups.some((g) => g.total > g.items.length) ?? false;
  return (
    <Stack>
      <Title order={1} size="h2">
        {label(l, T.search)}
      </Title>
      <search>
        <form onSubmit={submit}>
          <Group align="end" gap="xs" wrap="nowrap">
            <TextInput
              ref={input}
              flex={1}
              maw={640}
              miw={0}
              type="search"
              placeholder={label(l, T.placeholder)}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              data-testid="search-input"
              aria-label={label(l, T.search)}
            />
            <Button type="submit" data-testid="search-submit">
              {label(l, T.search)}
            </Button>
          </Group>
        </form>
      </search>
      {!q && (
        <Text c="dimmed" size="sm" data-testid="search-hint">
          {label(l, T.hint)}
        </Text>
      )}
      {loading && <Loading />}
      {error && <ErrorView error={error} />}
      {current && current.groups.length === 0 && (
        <Card withBorder data-testid="search-empty">
          <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
            {l === 'vi' ? `Không tìm thấy kết quả nào cho “${q}”.` : `Nothing found for “${q}”.`}
          </Text>
          <Text size="sm" c="dimmed">
            {label(l, T.emptyTips)}
          </Text>
        </Card>
      )}
      {current && current.groups.length > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="search-summary">
            {l === 'vi'
              ? `Tìm thấy ${found}${capped ? '+' : ''} kết quả trong ${current.groups.length} nhóm`
              : `${found}${capped ? '+' : ''} results in ${current.groups.length} groups`}
          </Text>
          {current.groups.map((g) => (
            <Card withBorder key={g.kind} padding="sm" data-testid="search-group" data-kind={g.kind}>
              <Title order={2} size="h4" mb={4}>
                {label(l, SEARCH_KIND_LABELS[g.kind])}{' '}
                <Text span c="dimmed" fw={400} data-testid="search-group-count">
                  ({g.total}
                  {g.capped ? '+' : ''})
                </Text>
              </Title>
              {g.items.map((i) => (
                <ResultLink key={i.id} to={i.href} title={i.title} sub={i.subtitle} />
              ))}
              {g.total > g.items.length && (
                <Text size="xs" c="dimmed" mt={4}>
                  {l === 'vi'
                    ? `Đang hiện ${g.items.length} trong ${g.total}${g.capped ? '+' : ''} kết quả`
                    : `Showing ${g.items.length} of ${g.total}${g.capped ? '+' : ''}`}
                </Text>
              )}
            </Card>
          ))}
          {truncated && !more && (
            <Button
              variant="light"
              onClick={() => setMore(true)}
              data-testid="search-more"
              style={{ alignSelf: 'flex-start' }}
            >
              {label(l, T.more)}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

/** One result: the whole item is the link, so a tap anywhere on it opens the page. */
function ResultLink({ to, title, sub }: { to: string; title: string; sub: string }) {
  return (
    <Anchor
      component={Link}
      to={to}
      data-testid="search-result"
      display="block"
      underline="never"
      py={6}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', overflowWrap: 'anywhere' }}
    >
      <Text c="red.8" fw={500}>
        {title}
      </Text>
      {sub && (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      )}
    </Anchor>
  );
}
