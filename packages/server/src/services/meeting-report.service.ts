import {
  describeDue,
  formatDateVi,
  parseDocumentSymbol,
  MEETING_FORMAT_LABELS,
  MEETING_KIND_LABELS,
  ProblemError,
} from '@quyche/core';
import type { MeetingFormat, MeetingKind } from '@quyche/core';
import { getOrganization } from '@quyche/db';
import type { RequestContext } from '../http/context.js';
import { conclusionNoticeDocx, minutesDocx } from '../reports/meeting.docx.js';
import { getMeetingDetail } from './meeting.service.js';

/** The place on a Party document's date line: the province's name (Tỉnh ủy An Lạc → An Lạc). */
function placeOf(orgName: string) {
  return (
    orgName
      .replace(/^(Đảng bộ|Tỉnh ủy|Thành ủy|Đảng ủy)\s+(tỉnh|thành phố|xã|phường)?\s*/iu, '')
      .replace(/\s*\(cũ\)$/, '') || orgName
  );
}

export async function issuerOf(ctx: RequestContext, orgId: string) {
  const org = await getOrganization(ctx.db, orgId);
  return { issuer: org?.short_name ?? org?.name ?? '', place: placeOf(org?.name ?? '') };
}

export const slug = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');

export async function conclusionDocx(ctx: RequestContext, meetingId: string) {
  const m = await getMeetingDetail(ctx, meetingId);
  const c = m.conclusion;
  if (!c) throw new ProblemError('NOT_FOUND', { detail: 'Hội nghị chưa có thông báo kết luận' });
  const { issuer, place } = await issuerOf(ctx, m.orgId);
  const buf = await conclusionNoticeDocx({
    docType: parseDocumentSymbol(c.symbol)?.type === 'KL' ? 'KL' : 'TB',
    issuer,
    symbol: c.symbol,
    place,
    issuedOn: c.issuedOn,
    confidentiality: m.confidentiality,
    bodyName: m.bodyName,
    meetingTitle: m.title,
    meetingDate: m.meetingDate,
    summary: c.summary,
    items: c.items.map((i) => ({
      kind: i.kind,
      text: i.text,
      lead: i.leads[0]?.name ?? null,
      supporting: i.supporting.map((s) => s.name),
      due: i.dueDate || i.dueLabel ? describeDue({ date: i.dueDate, label: i.dueLabel }) : null,
      supervisor: i.supervisorName,
      product: i.product,
    })),
    signer: { for: c.signer.for ?? '', position: c.signer.position ?? '', name: c.signer.name ?? '' },
    recipients: c.recipients,
  });
  return { fileName: `${slug(c.symbol)}.docx`, content: buf };
}

export async function minutesDocxOf(ctx: RequestContext, meetingId: string) {
  const m = await getMeetingDetail(ctx, meetingId);
  if (!m.minutes) throw new ProblemError('NOT_FOUND', { detail: 'Hội nghị chưa có biên bản' });
  const { issuer, place } = await issuerOf(ctx, m.orgId);
  const members = m.attendance.filter((a) => a.role === 'member');
  const buf = await minutesDocx({
    issuer,
    place,
    date: m.meetingDate,
    confidentiality: m.confidentiality,
    bodyName: m.bodyName,
    meetingTitle: m.title,
    kind: MEETING_KIND_LABELS[m.kind as MeetingKind]?.vi ?? m.kind,
    format: MEETING_FORMAT_LABELS[m.format as MeetingFormat]?.vi ?? m.format,
    startsAt: m.startsAt,
    location: m.location,
    chair: m.chair?.fullName || null,
    chairTitle: m.chair?.title ?? null,
    secretary: m.secretaryName,
    counts: m.counts,
    absences: members
      .filter((a) => a.status === 'absent' || a.status === 'absent_excused')
      .map((a) => ({ name: a.fullName, reason: a.reason, excused: a.status === 'absent_excused' })),
    guests: m.attendance
      .filter((a) => a.role === 'guest')
      .map((a) => (a.title ? `${a.fullName}, ${a.title}` : a.fullName)),
    sites: m.sites.map((s) => ({ name: s.name, present: s.present, summoned: s.summoned })),
    quorum: m.checks.quorum?.reason_vi ?? null,
    agenda: m.agenda.map((a) => ({
      title: a.title,
      presentingUnit: a.presentingUnit,
      votes: a.votes.map((v) => v.reason_vi),
    })),
    text: m.minutes.text,
  });
  return {
    fileName: `bien-ban-${slug(m.title)}-${formatDateVi(m.meetingDate).replaceAll('/', '-')}.docx`,
    content: buf,
  };
}
