import { PROBLEMS, SPECIFIC } from '@quyche/core';
import type { SpecificCode } from '@quyche/core';
import type { ApiError } from '../api';

/**
 * The heading of a refusal: the precise code's own title ("Không chuyển sinh hoạt đảng được") where the server sent
 * its kind's general one ("Vi phạm quy tắc nghiệp vụ", which problem+json keeps the same for every rule), else what
 * the server sent.
 */
export function problemTitle(error: Pick<ApiError, 'code' | 'title'>, lang: 'vi' | 'en'): string {
  if (!Object.hasOwn(SPECIFIC, error.code)) return error.title;
  const s = SPECIFIC[error.code as SpecificCode];
  return error.title === PROBLEMS[s.problem].vi ? s[lang] : error.title;
}
