import type { AssessmentSchema } from '@quyche/core';
import type { z } from 'zod';

/** A sheet as the API gives it. */
export type Sheet = z.output<typeof AssessmentSchema>;

/** The levels and states of an assessment as the forms write them (Quy định 366-QĐ/TW Điều 11). */
export const LEVEL: Record<string, [string, string]> = {
  xuat_sac: ['Hoàn thành xuất sắc nhiệm vụ', 'Outstanding'],
  tot: ['Hoàn thành tốt nhiệm vụ', 'Good'],
  hoan_thanh: ['Hoàn thành nhiệm vụ', 'Completed'],
  khong_hoan_thanh: ['Không hoàn thành nhiệm vụ', 'Not completed'],
};
export const LEVEL_COLOR: Record<string, string> = {
  xuat_sac: 'green',
  tot: 'teal',
  hoan_thanh: 'yellow',
  khong_hoan_thanh: 'red',
};
export const STATE: Record<string, [string, string]> = {
  open: ['Chưa tự đánh giá', 'Not self-assessed'],
  self_assessed: ['Đã tự đánh giá', 'Self-assessed'],
  reviewed: ['Chi bộ đã cho ý kiến', 'Reviewed'],
  decided: ['Đã quyết định xếp loại', 'Decided'],
};
export const label = (m: Record<string, [string, string]>, k: string | null | undefined, l: 'vi' | 'en') =>
  k ? (m[k]?.[l === 'vi' ? 0 : 1] ?? k) : '';
