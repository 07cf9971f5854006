import type { ZipLimits } from '@quyche/core';

/**
 * What an uploaded file may hold before it is refused. A sheet of tasks exported by Quychế with 5,000 rows is about
 * 1 MB packed and 6 MB unpacked; the limits leave room for that several times over and stop what no office makes.
 */
export interface SheetLimits {
  zip: ZipLimits;
  maxRows: number;
  maxColumns: number;
  /** Characters of one cell (Excel's own limit is 32,767). */
  maxCellChars: number;
  /** Bytes of a CSV file. */
  maxCsvBytes: number;
}

export const TASK_SHEET_LIMITS: SheetLimits = {
  zip: { maxEntries: 1_000, maxEntryBytes: 25 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024, maxRatio: 100 },
  maxRows: 10_000,
  maxColumns: 60,
  maxCellChars: 32_767,
  maxCsvBytes: 8 * 1024 * 1024,
};

/** Longest a file may be worked on in the pool, waiting included, before it is refused (and its thread ended). */
export const FILE_TIME_LIMIT_MS = 15_000;

/** The members' sheet of a province's grassroots committee: tens of thousands of rows, a few columns. */
export const MEMBER_SHEET_LIMITS: SheetLimits = { ...TASK_SHEET_LIMITS, maxRows: 60_000, maxColumns: 30 };
