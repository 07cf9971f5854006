import { Anchor, Badge, Box, Group, Loader, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { ORGANIZATION_KIND_LABELS, todayInVietnam } from '@quyche/core';
import type { TreeNode } from '@quyche/core';
import { api, useApi } from '../../app/api';
import type { ApiError } from '../../app/api';
import { AsOfPicker } from '../../app/ui/as-of-picker';
import { ErrorView } from '../../app/ui/error-view';
import { fmt, period } from '../../app/ui/dates';
import { Loading } from '../../app/ui/loading';
import { useTitle } from '../../app/ui/use-title';
import { label, useLang } from '../../app/ui/i18n';
import { Link, navigate, useLocation } from '../../app/router';

/** The organization tree as it stood on a date: the 2025 merger history is one date change away. */
export function TreePage() {
  const [l, t] = useLang();
  const { path, query } = useLocation();
  const asOf = query.get('asOf') ?? todayInVietnam();
  const { data, error, loading } = useApi<{ asOf: string; roots: TreeNode[] }>(
    `/organizations/tree?asOf=${encodeURIComponent(asOf)}&depth=2`,
  );
  useTitle(t('tree'));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('tree')}
      </Title>
      <AsOfPicker
        value={asOf}
        onChange={(d) => navigate(`${path === '/' ? '/' : '/org'}?asOf=${d}`, true)}
        shortcuts={['2025-03-01', '2026-01-01']}
      />
      {loading && <Loading />}
      {error && <ErrorView error={error} />}
      {data && (
        <Box data-testid="tree" key={data.asOf}>
          {data.roots.length === 0 && <Text c="dimmed">{t('none')}</Text>}
          {data.roots.map((n) => (
            <Node key={n.id} node={n} asOf={data.asOf} lang={l} depth={0} />
          ))}
        </Box>
      )}
    </Stack>
  );
}

function Node({ node, asOf, lang, depth }: { node: TreeNode; asOf: string; lang: 'vi' | 'en'; depth: number }) {
  const [, t] = useLang();
  const [children, setChildren] = useState<TreeNode[]>(node.children);
  const [open, setOpen] = useState(depth < 1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const more = node.childCount > children.length;
  const toggle = async () => {
    setError(null);
    if (!open && more) {
      setBusy(true);
      try {
        const r = await api<{ roots: TreeNode[] }>('GET', `/organizations/tree?asOf=${asOf}&root=${node.id}&depth=1`);
        setChildren(r.roots[0]?.children ?? []);
      } catch (e) {
        setError(e as ApiError);
        return;
      } finally {
        setBusy(false);
      }
    }
    setOpen(!open);
  };
  const merged = node.predecessors.filter((p) => p.succession !== 'dissolve');
  return (
    <Box ml={depth === 0 ? 0 : 'lg'} my={4} data-testid="tree-node" data-code={node.code}>
      <Group gap="xs" wrap="nowrap" align="baseline">
        {node.childCount > 0 ? (
          <UnstyledButton
            onClick={toggle}
            aria-label={open ? t('collapse') : t('loadMore')}
            aria-expanded={open}
            w={18}
            c="red.8"
            fw={700}
            data-testid="tree-toggle"
          >
            {busy ? <Loader size={12} /> : open ? '−' : '+'}
          </UnstyledButton>
        ) : (
          <Box w={18} />
        )}
        <Anchor component={Link} to={`/org/${node.id}?asOf=${asOf}`} fw={depth === 0 ? 700 : 500}>
          {node.name}
        </Anchor>
        <Badge variant="light" color="gray" size="sm">
          {label(lang, ORGANIZATION_KIND_LABELS[node.kind])}
        </Badge>
        <Text size="xs" c="dimmed">
          {period(node.validFrom, node.validUntil, lang)}
          {node.childCount > 0 ? ` · ${node.childCount}` : ''}
        </Text>
      </Group>
      {merged.length > 0 && (
        <Text size="sm" c="dimmed" ml={26}>
          {t('succeeded')}:{' '}
          {merged.map((p) => `${p.name}${p.validUntil ? ` (${t('until')} ${fmt(p.validUntil)})` : ''}`).join('; ')}
        </Text>
      )}
      {error && (
        <Box ml={26}>
          <ErrorView error={error} />
        </Box>
      )}
      {open && children.map((c) => <Node key={c.id} node={c} asOf={asOf} lang={lang} depth={depth + 1} />)}
    </Box>
  );
}
