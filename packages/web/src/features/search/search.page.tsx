import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { z } from 'zod';
import { ORGANIZATION_KIND_LABELS } from '@quyche/core';
import type { SearchResultSchema } from '@quyche/core';
import { useApi } from '../../app/api';
import { ErrorView, Loading, period, useTitle } from '../../app/common';
import { label, useLang } from '../../app/i18n';
import { Link, navigate, useLocation } from '../../app/router';

type SearchResult = z.infer<typeof SearchResultSchema>;

/** Diacritic-insensitive search: the server folds both sides ("nguyen van khai" finds "Nguyễn Văn Khải"). */
export function SearchPage() {
  const [l, t] = useLang();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const { data, error, loading } = useApi<SearchResult>(q.trim() ? `/search?q=${encodeURIComponent(q)}` : null);
  useTitle(q ? `${t('search')}: ${q}` : t('search'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/search?q=${encodeURIComponent(text.trim())}`);
  };
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('search')}
      </Title>
      <form onSubmit={submit}>
        <Group align="end">
          <TextInput flex={1} maw={520} placeholder={t('searchPlaceholder')} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="search-input" aria-label={t('search')} />
          <Button type="submit" data-testid="search-submit">
            {t('search')}
          </Button>
        </Group>
      </form>
      {loading && <Loading />}
      {error && <ErrorView error={error} />}
      {data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('organizations')} ({data.organizations.length})
            </Title>
            {data.organizations.length === 0 && <Text c="dimmed">{t('noResult')}</Text>}
            {data.organizations.map((o) => (
              <ResultLink key={o.id} to={o.validUntil ? `/org/${o.id}?asOf=${o.validUntil}` : `/org/${o.id}`} title={o.name} sub={`${label(l, ORGANIZATION_KIND_LABELS[o.kind])} · ${period(o.validFrom, o.validUntil, l)}`} />
            ))}
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('people')} ({data.people.length})
            </Title>
            {data.people.length === 0 && <Text c="dimmed">{t('noResult')}</Text>}
            {data.people.map((p) => (
              <ResultLink key={p.id} to={`/person/${p.id}`} title={p.fullName} sub={p.positions.slice(0, 2).join('; ') || p.orgName} />
            ))}
          </Card>
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** One result: the whole item is the link, so a tap anywhere on it opens the page. */
function ResultLink({ to, title, sub }: { to: string; title: string; sub: string }) {
  return (
    <Anchor component={Link} to={to} data-testid="search-result" display="block" underline="never" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Text c="red.8" fw={500}>
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        {sub}
      </Text>
    </Anchor>
  );
}
