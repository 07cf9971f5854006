import { unzipSync } from 'fflate';

/**
 * Opening an untrusted ZIP package (.xlsx, .docx): the central directory is read first and the declared sizes
 * checked against the limits before anything is inflated; entries are then inflated into buffers of their
 * declared size, so an entry that lies about its size is cut short instead of growing memory.
 */
export interface ZipLimits {
  maxEntries: number;
  /** Decompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Decompressed bytes of all entries. */
  maxTotalBytes: number;
  /**
   * Decompressed bytes per compressed byte of an entry above 100 KB (Apache POI's ZipSecureFile takes 100 too):
   * XML compresses some tens of times, a bomb a thousand.
   */
  maxRatio: number;
}

const RATIO_GRACE_BYTES = 100 * 1024;

export type ZipIssue =
  | { code: 'KHONG_MO_DUOC_GOI_NEN'; message_vi: string }
  | { code: 'QUA_NHIEU_TEP_TRONG_GOI'; message_vi: string; limit: number; actual: number }
  | { code: 'TEP_GIAI_NEN_QUA_LON'; message_vi: string; limit: number; actual: number; entry: string }
  | { code: 'TONG_GIAI_NEN_QUA_LON'; message_vi: string; limit: number; actual: number }
  | { code: 'TI_LE_NEN_BAT_THUONG'; message_vi: string; limit: number; actual: number; entry: string };

export interface ZipEntry {
  name: string;
  compressedBytes: number;
  bytes: number;
}

export const formatBytesVi = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
    : n >= 1024
      ? `${Math.round(n / 1024)} KB`
      : `${n} byte`;

/** The entries of a package with their declared sizes, nothing inflated; null when it is not a ZIP package. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, compressedBytes: f.size, bytes: f.originalSize });
        return false;
      },
    });
  } catch {
    return null;
  }
  return entries;
}

export function checkZipLimits(entries: ZipEntry[], limits: ZipLimits): ZipIssue | null {
  if (entries.length > limits.maxEntries) {
    return {
      code: 'QUA_NHIEU_TEP_TRONG_GOI',
      limit: limits.maxEntries,
      actual: entries.length,
      message_vi:
        `Gói nén có ${entries.length.toLocaleString('vi-VN')} tệp, ` +
        `vượt giới hạn ${limits.maxEntries.toLocaleString('vi-VN')} tệp`,
    };
  }
  const big = entries.find((e) => e.bytes > limits.maxEntryBytes);
  if (big) {
    return {
      code: 'TEP_GIAI_NEN_QUA_LON',
      limit: limits.maxEntryBytes,
      actual: big.bytes,
      entry: big.name,
      message_vi:
        `Một phần của tệp khi giải nén lớn ${formatBytesVi(big.bytes)}, ` +
        `vượt giới hạn ${formatBytesVi(limits.maxEntryBytes)}: hãy chia nhỏ tệp`,
    };
  }
  const ratioOf = (e: ZipEntry) => e.bytes / Math.max(e.compressedBytes, 1);
  const bomb = entries.find((e) => e.bytes > RATIO_GRACE_BYTES && ratioOf(e) > limits.maxRatio);
  if (bomb) {
    const r = Math.round(ratioOf(bomb));
    return {
      code: 'TI_LE_NEN_BAT_THUONG',
      limit: limits.maxRatio,
      actual: r,
      entry: bomb.name,
      message_vi:
        `Một phần của tệp khi giải nén lớn gấp ${r.toLocaleString('vi-VN')} lần khi nén, ` +
        `vượt giới hạn ${limits.maxRatio} lần — dấu hiệu tệp bất thường: hãy mở tệp bằng Excel hoặc Word, ` +
        `lưu lại rồi gửi lại`,
    };
  }
  const total = entries.reduce((s, e) => s + e.bytes, 0);
  if (total > limits.maxTotalBytes) {
    return {
      code: 'TONG_GIAI_NEN_QUA_LON',
      limit: limits.maxTotalBytes,
      actual: total,
      message_vi:
        `Tệp khi giải nén lớn ${formatBytesVi(total)}, vượt giới hạn ${formatBytesVi(limits.maxTotalBytes)}: ` +
        `hãy chia nhỏ tệp`,
    };
  }
  return null;
}

/**
 * The wanted entries of a package within the limits, or the first limit it breaks. The number of entries counts
 * them all; the sizes count the wanted ones, the only ones inflated (a document's pictures are never opened).
 */
export function readZip(
  bytes: Uint8Array,
  limits: ZipLimits,
  wanted: (name: string) => boolean = () => true,
): { files: Record<string, Uint8Array> } | { issue: ZipIssue } {
  const entries = zipEntries(bytes);
  if (!entries) return { issue: { code: 'KHONG_MO_DUOC_GOI_NEN', message_vi: 'Không mở được gói nén của tệp' } };
  const issue = checkZipLimits(
    entries.length > limits.maxEntries ? entries : entries.filter((e) => wanted(e.name)),
    limits,
  );
  if (issue) return { issue };
  try {
    return { files: unzipSync(bytes, { filter: (f) => wanted(f.name) }) };
  } catch {
    return { issue: { code: 'KHONG_MO_DUOC_GOI_NEN', message_vi: 'Gói nén của tệp bị hỏng, không giải nén được' } };
  }
}
