import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { consolidate, foldVietnamese, parseAmendment, parseOrThrow, printRegulation } from '@quyche/core';
import type { Regulation } from '@quyche/core';
import { appendAudit, uuidv7 } from '@quyche/db';
import type { Sql } from '@quyche/db';

const file = (p: string) => readFileSync(new URL(`../../../../regulations/${p}`, import.meta.url), 'utf8');

/** The demo amendment of 01-QC/TU: documents for Tỉnh ủy conferences 07 working days ahead from 01/07/2026. */
export const DEMO_AMENDMENT = `---
work: /vn-an-lac/quyet-dinh/tinh-uy/2026/15-qd-tu
amends: /vn-an-lac/quy-che/tinh-uy/2025/qclv
title: Quyết định số 15-QĐ/TU sửa đổi, bổ sung Quy chế làm việc 01-QC/TU
adopted_on: 2026-06-25
in_force_from: 2026-07-01
---
effects:
  - { op: replace, target: art_12__para_3,
      text: "Tài liệu hội nghị Tỉnh ủy được gửi đến Tỉnh ủy viên chậm nhất 07 ngày làm việc trước ngày khai mạc.",
      rules: [ { id: tl-bch, kind: notice, body: BCH, documents_before_meeting: { min: 7, unit: working_day } } ] }
`;

async function insertVersion(tx: Sql, regulationId: string, orgId: string, text: string, reg: Regulation) {
  const fm = reg.frontMatter;
  await tx.query(
    `insert into regulation_version
       (id, regulation_id, org_id, expression, status, source_text, sha256, parsed, adopted_on, in_force_from)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      uuidv7(),
      regulationId,
      orgId,
      fm.expression,
      fm.status,
      text,
      createHash('sha256').update(text).digest('hex'),
      JSON.stringify({ frontMatter: fm, rules: reg.rules }),
      fm.adopted_on ?? null,
      fm.in_force_from ?? null,
    ],
  );
}

/**
 * An Lạc's 01-QC/TU (two versions: as adopted, and consolidated with 15-QĐ/TU), Tân Lập's regulation, the
 * province's model regulation for cells and its assessment rules.
 */
export async function seedRegulations(tx: Sql, provinceId: string, communeId: string) {
  const add = async (orgId: string, text: string, appliesTo: 'own' | 'cells' | 'assessment' = 'own') => {
    const reg = parseOrThrow(text);
    const id = uuidv7();
    const title = String(reg.frontMatter.title);
    await tx.query(
      'insert into regulation (id, org_id, work, title, search_text, applies_to) values ($1,$2,$3,$4,$5,$6)',
      [id, orgId, reg.frontMatter.work, title, foldVietnamese(title), appliesTo],
    );
    await insertVersion(tx, id, orgId, text, reg);
    return { id, reg };
  };
  const anLac = await add(provinceId, file('an-lac/01-QC-TU.qc.md'));
  const amendment = parseAmendment(DEMO_AMENDMENT);
  await tx.query(
    `insert into regulation_amendment
       (id, regulation_id, org_id, work, title, source_text, parsed, adopted_on, in_force_from)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [
      uuidv7(),
      anLac.id,
      provinceId,
      amendment.work,
      amendment.title ?? null,
      DEMO_AMENDMENT,
      JSON.stringify(amendment),
      amendment.adopted_on,
      amendment.in_force_from,
    ],
  );
  const consolidated = consolidate(anLac.reg, [amendment], amendment.in_force_from);
  await insertVersion(tx, anLac.id, provinceId, printRegulation(consolidated.regulation), consolidated.regulation);
  await add(communeId, file('an-lac/xa-tan-lap.qc.md'));
  // The province's model regulation for its cells: the cells of the demo work under it (none has its own).
  await add(provinceId, file('mau/chi-bo-mau.qc.md'), 'cells');
  // The province's detailed assessment rules (based on Quy định 366-QĐ/TW): they govern the assessment below it.
  await add(provinceId, file('danh-gia/tinh-an-lac.qc.md'), 'assessment');
  await appendAudit(tx, {
    actorUserId: null,
    actor: 'seed',
    action: 'seed_regulations',
    entity: 'regulation',
    entityId: anLac.id,
    orgId: provinceId,
    before: null,
    after: { regulations: 4, versions: 5, amendments: 1 },
  });
}
