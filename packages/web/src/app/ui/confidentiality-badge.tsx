import { Badge } from '@mantine/core';
import { CONFIDENTIALITY_LABELS } from '@quyche/core';
import { useLang } from './i18n';
import type { Lang } from './i18n';
import { labelOf } from './labels';
import type { Labels } from './labels';

export const confidentialityLabel = (n: number, l: Lang) =>
  labelOf(CONFIDENTIALITY_LABELS as unknown as Labels, String(n), l);

export function ConfidentialityBadge({ level }: { level: number }) {
  const [l] = useLang();
  if (!level) return null;
  return (
    <Badge color={level >= 2 ? 'red' : 'orange'} variant="outline" size="sm" data-testid="confidentiality-badge">
      {confidentialityLabel(level, l)}
    </Badge>
  );
}
