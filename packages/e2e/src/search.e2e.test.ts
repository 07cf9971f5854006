import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '@quyche/core';
import { qb } from '@quyche/db';
import { logIn, noHorizontalScroll, skipReason, startDemo } from './harness.js';
import type { Demo } from './harness.js';

describe.skipIf(skipReason !== null)('search in Chromium', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => demo?.close());

  it(
    'opens /search?q= with a meeting title typed without diacritics: ' +
      'the meeting is the first link of the first group, on a phone too',
    async () => {
      const title = 'Hội nghị Tỉnh ủy lần thứ 5: triển khai nhiệm vụ năm 2026';
      const id = (
        await qb(demo.db).selectFrom('meeting').select('id').where('title', '=', title).executeTakeFirstOrThrow()
      ).id;
      const q = foldVietnamese(title)
        .replace(/[^a-z0-9 ]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      const page = await logIn(demo.browser, demo.base, 'admin', { width: 390, height: 844 });
      await page.goto(`${demo.base}/search?q=${encodeURIComponent(q)}`);
      const first = page.getByTestId('search-group').first();
      await expect.poll(() => first.getAttribute('data-kind')).toBe('meeting');
      expect(await first.getByRole('heading').innerText()).toMatch(/^Hội nghị, phiên họp \(\d+\)$/);
      const link = first.getByTestId('search-result').first();
      expect(await link.getAttribute('href')).toBe(`/meetings/${id}`);
      expect(await link.innerText()).toContain(title);
      // The box holds the query and has the focus: a header shortcut can land here and type on.
      expect(await page.getByTestId('search-input').inputValue()).toBe(q);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
      await noHorizontalScroll(page);
      await link.click();
      await page.waitForURL(`**/meetings/${id}`);

      // Nothing found: said in Vietnamese, no sideways scroll either.
      await page.goto(`${demo.base}/search?q=${encodeURIComponent('khong co gi nhu the nay ca')}`);
      await expect.poll(() => page.getByTestId('search-empty').count()).toBe(1);
      expect(await page.getByTestId('search-empty').innerText()).toContain('Không tìm thấy kết quả nào cho');
      await noHorizontalScroll(page);
      await page.close();
    },
  );

  it("opens a clause found by its wording at that clause of the regulation's text", async () => {
    const page = await logIn(demo.browser, demo.base);
    await page.goto(`${demo.base}/search?q=${encodeURIComponent('hop thuong le 03 thang mot lan')}`);
    const first = page.getByTestId('search-group').first();
    await expect.poll(() => first.getAttribute('data-kind')).toBe('clause');
    await first.getByTestId('search-result').first().click();
    await page.waitForURL(/\/regulations\/[^?]+\?v=.+&e=.+art_12__para_1$/);
    await expect
      .poll(() => page.getByTestId('highlighted').first().getAttribute('data-eid'))
      .toMatch(/art_12__para_1$/);
    expect(await page.getByTestId('highlighted').first().innerText()).toContain(
      'Tỉnh ủy họp thường lệ 03 tháng một lần',
    );
    await page.close();
  });
});
