import { createHash } from 'node:crypto';
import { findElement, foldVietnamese, parseOrThrow } from '@quyche/core';
import {
  appendAudit,
  consultationConsolidatedText,
  getOrganization,
  getRegulationByWork,
  insertConsultation,
  insertConsultationComment,
  insertConsultationRecipient,
  insertConsultationRevision,
  uuidv7,
} from '@quyche/db';
import type { Sql } from '@quyche/db';

/**
 * The demo's consultation: a draft amending An Lạc's 01-QC/TU sent on 09/11/2026 to 20 communes, answers due
 * 27/11/2026. Twelve answered (two "no comment"), eight are late — Tân Lập among them, so that its clerk has a draft
 * to answer; about half of the comments are already disposed of.
 */
const COMMENTS: { eId: string | null; kind: 'general' | 'clause' | 'proposal'; text: string; proposed?: string }[] = [
  {
    eId: null,
    kind: 'general',
    text:
      'Dự thảo cơ bản phù hợp với Quy chế mẫu; ' +
      'đề nghị thống nhất cách dùng "Tỉnh ủy" và "Ban Chấp hành Đảng bộ tỉnh" trong toàn văn.',
  },
  {
    eId: 'art_12__para_3',
    kind: 'clause',
    text: 'Thời hạn gửi tài liệu khó bảo đảm với hội nghị bất thường; đề nghị quy định riêng cho hội nghị bất thường.',
  },
  {
    eId: 'art_13',
    kind: 'clause',
    text: 'Đề nghị bổ sung phiên họp Ban Thường vụ theo hình thức trực tuyến kết nối đến các đảng ủy xã khi cần.',
  },
  {
    eId: 'art_17__para_1',
    kind: 'proposal',
    text: 'Đề nghị rút ngắn thời hạn ban hành thông báo kết luận để cấp xã sớm triển khai.',
    proposed:
      'Văn phòng Tỉnh ủy ban hành thông báo kết luận hội nghị, ' +
      'phiên họp trong thời hạn 03 ngày làm việc kể từ ngày họp.',
  },
  {
    eId: 'art_16__para_1',
    kind: 'clause',
    text: 'Đề nghị quy định rõ việc biểu quyết bằng phiếu kín qua phần mềm đối với hội nghị trực tuyến.',
  },
  {
    eId: 'art_27__para_1',
    kind: 'clause',
    text: 'Đề nghị bổ sung trách nhiệm hướng dẫn, kiểm tra của các ban của Tỉnh ủy đối với đảng ủy xã sau sáp nhập.',
  },
  {
    eId: 'art_27__para_2',
    kind: 'proposal',
    text: 'Thời hạn 20 ngày làm việc là ngắn đối với xã mới hợp nhất.',
    proposed:
      'Khi Quy chế này được sửa đổi, bổ sung, trong thời hạn 30 ngày làm việc kể từ ngày có hiệu lực, ' +
      'các đảng ủy xã, phường rà soát, sửa đổi quy chế làm việc của mình cho phù hợp; ' +
      'Ban Tổ chức Tỉnh ủy hướng dẫn, theo dõi.',
  },
];

const DISPOSED: Record<
  number,
  { disposition: 'accepted' | 'partly_accepted' | 'not_accepted'; explanation: string | null }
> = {
  0: { disposition: 'accepted', explanation: null },
  1: {
    disposition: 'partly_accepted',
    explanation: 'Tiếp thu: bổ sung thời hạn riêng cho hội nghị bất thường do Ban Thường vụ quyết định khi triệu tập.',
  },
  2: {
    disposition: 'not_accepted',
    explanation: 'Hình thức họp trực tuyến đã được quy định chung tại Điều 10; không nhắc lại.',
  },
  4: {
    disposition: 'not_accepted',
    explanation:
      'Việc biểu quyết qua phần mềm thực hiện theo hướng dẫn của Trung ương, không quy định trong quy chế làm việc.',
  },
  5: {
    disposition: 'partly_accepted',
    explanation:
      'Tiếp thu: bổ sung trách nhiệm hướng dẫn của Ban Tổ chức; ' +
      'việc kiểm tra thực hiện theo chương trình kiểm tra, giám sát.',
  },
};

export async function seedConsultations(
  tx: Sql,
  opts: { provinceId: string; communes: { id: string; code: string }[]; adminUser: string },
) {
  const reg = (await getRegulationByWork(tx, '/vn-an-lac/quy-che/tinh-uy/2025/qclv'))!;
  const base = (await consultationConsolidatedText(tx, reg.id))!;
  // The amendment proposed: the province's work with the merged communes, made explicit in khoản 1 Điều 27.
  const ART_27_1 = 'không làm thay việc thuộc thẩm quyền của đảng ủy xã, phường.';
  if (!base.includes(ART_27_1))
    throw new Error('seedConsultations: khoản 1 Điều 27 of 01-QC/TU changed; update the demo draft');
  const text = base
    .replace(/^expression: .*$/m, 'expression: vie@2026-du-thao-sua-doi-1')
    .replace(/^status: .*$/m, 'status: draft')
    .replace(
      ART_27_1,
      'không làm thay việc thuộc thẩm quyền của đảng ủy xã, phường; ' +
        'định kỳ 06 tháng một lần làm việc với các đảng ủy xã, phường mới hợp nhất.',
    );
  const draft = parseOrThrow(text);
  const versionId = uuidv7();
  await insertConsultationRevision(tx, {
    id: versionId,
    regulation_id: reg.id,
    org_id: opts.provinceId,
    expression: 'vie@2026-du-thao-sua-doi-1',
    status: 'draft',
    source_text: text,
    sha256: createHash('sha256').update(text).digest('hex'),
    parsed: JSON.stringify({ frontMatter: draft.frontMatter, rules: draft.rules }),
  });
  const id = uuidv7();
  const title = 'Lấy ý kiến các đảng ủy xã, phường về dự thảo sửa đổi, bổ sung Quy chế làm việc của Tỉnh ủy';
  await insertConsultation(tx, {
    id,
    org_id: opts.provinceId,
    regulation_id: reg.id,
    version_id: versionId,
    title,
    sent_on: '2026-11-09',
    deadline: '2026-11-27',
    search_text: foldVietnamese(title),
    created_by: opts.adminUser,
  });
  const communes = [...opts.communes].sort((a, b) => a.code.localeCompare(b.code)).slice(0, 20);
  let position = 0;
  let comments = 0;
  for (const [i, c] of communes.entries()) {
    const org = (await getOrganization(tx, c.id))!;
    const name = org.short_name ?? org.name;
    const rid = uuidv7();
    // X02–X13 answered (X12, X13 "no comment"); X01 and X14–X20 are late.
    const answered = i >= 1 && i <= 12;
    await insertConsultationRecipient(tx, {
      id: rid,
      org_id: opts.provinceId,
      consultation_id: id,
      recipient_org_id: c.id,
      name,
      answered_on: answered ? `2026-11-${String(16 + (i % 10)).padStart(2, '0')}` : null,
    });
    if (!answered) continue;
    const picks = i >= 11 ? [] : [0, 1, 2, 3, 4, 5, 6].filter((k) => (k + i) % 3 !== 0).slice(0, 2 + (i % 3));
    /** The recipient's next comment, numbered on from the last. */
    const comment = (c: Omit<Parameters<typeof insertConsultationComment>[1], 'id' | 'org_id' | 'position'>) =>
      insertConsultationComment(tx, {
        id: uuidv7(),
        org_id: opts.provinceId,
        position: ++position,
        ...c,
      });
    if (picks.length === 0) {
      await comment({
        consultation_id: id,
        recipient_id: rid,
        kind: 'no_comment',
        text: 'Nhất trí với dự thảo, không có ý kiến',
        created_by: opts.adminUser,
      });
      comments++;
      continue;
    }
    for (const k of picks) {
      const x = COMMENTS[k]!;
      const e = x.eId ? findElement(draft, x.eId) : undefined;
      // The first communes' comments are disposed of; the later ones await the drafting team.
      const d =
        i <= 5
          ? x.kind === 'proposal'
            ? { disposition: 'accepted' as const, explanation: null }
            : DISPOSED[k]
          : undefined;
      await comment({
        consultation_id: id,
        recipient_id: rid,
        kind: x.kind,
        anchor_wid: e?.wId ?? null,
        anchor_eid: e?.eId ?? null,
        quote: e ? (e.kind === 'article' ? `Điều ${e.num}. ${e.heading}` : e.text) : null,
        text: x.text,
        proposed_text: x.proposed ?? null,
        disposition: d?.disposition ?? null,
        explanation: d?.explanation ?? null,
        adopted_text: d && d.disposition === 'accepted' && x.proposed ? x.proposed : null,
        disposed_by: d ? opts.adminUser : null,
        disposed_at: d ? '2026-11-30T09:00:00+07:00' : null,
        created_by: opts.adminUser,
      });
      comments++;
    }
  }
  await appendAudit(tx, {
    actorUserId: null,
    actor: 'seed',
    action: 'seed_consultations',
    entity: 'consultation',
    entityId: id,
    orgId: opts.provinceId,
    before: null,
    after: { recipients: communes.length, comments },
  });
}
