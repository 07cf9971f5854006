import { formatDateVi } from '../time/date.js';
import type { FrontMatter, Period, RatioSpec } from './reg.model.js';

type AnyRule = Record<string, unknown> & { kind?: unknown };

const BASE: Record<string, string> = {
  summoned_members: 'số thành viên được triệu tập',
  total_members: 'tổng số thành viên',
  present_members: 'số thành viên có mặt',
};
const FORM: Record<string, string> = {
  secret: 'bỏ phiếu kín',
  show_of_hands: 'giơ tay',
  written: 'phiếu lấy ý kiến bằng văn bản',
};
const MEETING_KIND: Record<string, string> = {
  regular: 'thường lệ',
  extraordinary: 'bất thường',
  written_consultation: 'lấy ý kiến bằng văn bản',
  thematic: 'chuyên đề',
};
const WEEKDAY: Record<string, string> = {
  mon: 'thứ Hai',
  tue: 'thứ Ba',
  wed: 'thứ Tư',
  thu: 'thứ Năm',
  fri: 'thứ Sáu',
  sat: 'thứ Bảy',
  sun: 'Chủ nhật',
};

const SUBJECT: Record<string, string> = { member: 'Đảng viên', organization: 'Tổ chức đảng' };
const LEVEL: Record<string, string> = {
  xuat_sac: 'Hoàn thành xuất sắc nhiệm vụ',
  tot: 'Hoàn thành tốt nhiệm vụ',
  hoan_thanh: 'Hoàn thành nhiệm vụ',
  khong_hoan_thanh: 'Không hoàn thành nhiệm vụ',
};
const FACT: Record<string, string> = {
  disciplined: 'bị kỷ luật từ khiển trách trở lên',
  degraded: 'bị kết luận suy thoái',
  member_disciplined: 'có thành viên, đơn vị trực thuộc bị kỷ luật',
  leader_disciplined: 'có thành viên tập thể lãnh đạo bị kỷ luật từ khiển trách trở lên',
  disunity: 'có sai phạm trong công tác cán bộ, mất đoàn kết',
  mitigated: 'đã tự giác nhận lỗi, khắc phục xong hậu quả',
};
/** A share as a percentage: 30/100 → 30%, 1 → 100%. */
function pct(r: string | number | undefined): string {
  const m = /^(\d+)\s*\/\s*(\d+)$/.exec(String(r ?? '').trim());
  const v = m ? Number(m[1]) / Number(m[2]) : Number(r);
  return Number.isFinite(v) ? `${decimal(v * 100)}%` : '';
}
const decimal = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');
function ratio(r: string | number | undefined): string {
  if (r === undefined) return '';
  const s = String(r).trim();
  const f = /^(\d+)\s*\/\s*(\d+)$/.exec(s);
  if (f)
    return f[1] === '1' && f[2] === '2'
      ? 'một nửa (1/2)'
      : f[1] === '2' && f[2] === '3'
        ? 'hai phần ba (2/3)'
        : `${f[1]}/${f[2]}`;
  const n = Number(s);
  if (Number.isFinite(n)) return n <= 1 ? `${decimal(n * 100)}%` : decimal(n);
  return s;
}
const ratioSpec = (r: RatioSpec | undefined) =>
  r ? `${r.cmp === '>' ? 'quá' : 'ít nhất'} ${ratio(r.ratio)} ${BASE[String(r.of ?? '')] ?? 'số thành viên'}` : '';
const unit = (u: string | undefined) => (u === 'working_day' ? 'ngày làm việc' : u === 'month' ? 'tháng' : 'ngày');
const period = (p: Period | undefined) => (p ? `${p.within ?? p.min ?? ''} ${unit(p.unit)}` : '');
const list = (xs: string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} và ${xs[xs.length - 1]}`;

/**
 * A machine rule of a `.qc.md` file as the sentence a clerk reads beside its clause ("Ban Thường vụ Tỉnh ủy quyết
 * định: Chương trình làm việc hằng năm."), names taken from the regulation's own front matter; the machine form
 * stays available to authors behind "chi tiết".
 */
export function ruleSentenceVi(rule: AnyRule, fm: FrontMatter): string {
  const body = (code: unknown) => fm.bodies?.[String(code)]?.name ?? fm.roles?.[String(code)] ?? String(code ?? '');
  const bodies = (r: AnyRule) =>
    list((Array.isArray(r['bodies']) ? (r['bodies'] as string[]) : r['body'] ? [String(r['body'])] : []).map(body));
  const matter = (code: unknown) => fm.matters?.[String(code)]?.name ?? String(code ?? '');
  const duty = (code: unknown) => fm.duties?.[String(code)] ?? String(code ?? '');
  const topics = (r: AnyRule) =>
    Array.isArray(r['topics']) ? list((r['topics'] as string[]).map((t) => fm.topics?.[t] ?? matter(t))) : '';
  const who = (x: unknown) => list((Array.isArray(x) ? (x as string[]) : x ? [String(x)] : []).map(body));
  const valid = rule['valid'] as { from?: string; until?: string } | undefined;
  const when =
    valid?.from || valid?.until
      ? ` (áp dụng${valid.from ? ` từ ${formatDateVi(valid.from)}` : ''}` +
        `${valid.until ? ` đến ${formatDateVi(valid.until)}` : ''})`
      : '';
  const s = (() => {
    switch (rule.kind) {
      case 'meeting_regime': {
        const e = rule['regular_every'] as { months?: number; weeks?: number; days?: number } | undefined;
        const every = e?.months
          ? e.months === 1
            ? 'mỗi tháng một lần'
            : `${e.months} tháng một lần`
          : e?.weeks
            ? e.weeks === 1
              ? 'mỗi tuần một lần'
              : `${e.weeks} tuần một lần`
            : e?.days
              ? `${e.days} ngày một lần`
              : rule['per_month']
                ? `${rule['per_month']} lần mỗi tháng`
                : '';
        const day = rule['weekday']
          ? ` vào ${WEEKDAY[String(rule['weekday']).slice(0, 3).toLowerCase()] ?? rule['weekday']}`
          : '';
        const by = rule['convened_by'] ? `; ${body(rule['convened_by'])} triệu tập` : '';
        const thematic = rule['meeting_kind'] === 'thematic';
        const minutes = rule['min_minutes'] ? `; mỗi buổi ít nhất ${rule['min_minutes']} phút` : '';
        return (
          `${body(rule['body'])} ${thematic ? 'sinh hoạt chuyên đề ít nhất' : 'họp thường lệ'} ` +
          `${every}${day}${rule['extraordinary'] ? ', họp bất thường khi cần' : ''}${by}${minutes}.`
        );
      }
      case 'quorum': {
        const kinds = Array.isArray(rule['meeting_kinds'])
          ? ` (${(rule['meeting_kinds'] as string[]).map((k) => MEETING_KIND[k] ?? k).join(', ')})`
          : '';
        return `Hội nghị ${bodies(rule)}${kinds} hợp lệ khi có mặt ${ratioSpec(rule['min_present'] as RatioSpec)}.`;
      }
      case 'vote_threshold': {
        const t = topics(rule);
        return (
          `${t ? `Về ${t}, ` : ''}${bodies(rule)} quyết định khi được ` +
          `${ratioSpec(rule['approve'] as RatioSpec)} tán thành.`
        ).replace(/^./, (c) => c.toUpperCase());
      }
      case 'ballot': {
        const t = topics(rule);
        return `${bodies(rule)} biểu quyết bằng ${FORM[String(rule['form'])] ?? rule['form']}${t ? ` về ${t}` : ''}.`;
      }
      case 'authority': {
        const rb = rule['report_back'] as { to?: string; at?: string } | undefined;
        const extra = [
          rule['prepares'] ? `${body(rule['prepares'])} chuẩn bị` : '',
          rule['reserved'] ? 'không ủy quyền' : '',
          rb?.to ? `báo cáo lại ${body(rb.to)}${rb.at === 'next_meeting' ? ' tại phiên họp gần nhất' : ''}` : '',
        ].filter(Boolean);
        return (
          `${body(rule['decides'])} quyết định: ` +
          `${matter(rule['matter'])}${extra.length ? ` (${extra.join('; ')})` : ''}.`
        );
      }
      case 'delegation': {
        const rb = rule['report_back'] as { to?: string } | undefined;
        return (
          `${body(rule['from'])} ủy quyền cho ${body(rule['to'])} quyết định: ${matter(rule['matter'])}` +
          `${rb?.to ? `, báo cáo lại ${body(rb.to)}` : ''}` +
          `${rule['redelegation'] === 'forbidden' ? '; không được ủy quyền tiếp' : ''}.`
        );
      }
      case 'notice':
        return (
          `Tài liệu hội nghị ${body(rule['body'])} được gửi trước ngày họp ít nhất ` +
          `${period(rule['documents_before_meeting'] as Period)}.`
        );
      case 'deadline': {
        const due = rule['due'] as Period | undefined;
        const after = due?.after
          ? ` kể từ ${(fm.events?.[due.after] ?? due.after).replace(/^./, (c) => c.toLowerCase())}`
          : '';
        return (
          `${who(rule['owner']) || 'Cơ quan được giao'} ${duty(rule['duty']).replace(/^./, (c) => c.toLowerCase())} ` +
          `trong ${period(due)}${after}${rule['to'] ? `, gửi ${body(rule['to'])}` : ''}.`
        );
      }
      case 'duty': {
        const support =
          Array.isArray(rule['support']) && rule['support'].length ? `; ${who(rule['support'])} phối hợp` : '';
        return `${who(rule['owner']) || 'Cơ quan được giao'} chủ trì: ${duty(rule['duty'])}${support}.`;
      }
      case 'conference_quota': {
        const parts = [
          rule['max_in_person']
            ? `hội nghị trực tiếp không quá ${ratio((rule['max_in_person'] as { ratio?: string | number }).ratio)} ` +
              `tổng số hội nghị`
            : '',
          rule['max_province_wide'] !== undefined
            ? `không quá ${rule['max_province_wide']} hội nghị toàn tỉnh mỗi năm`
            : '',
          rule['min_reduction']
            ? `giảm ít nhất ${ratio((rule['min_reduction'] as { ratio?: string | number }).ratio)} so với năm trước`
            : '',
        ].filter(Boolean);
        return `Hội nghị trong năm: ${parts.join('; ')}.`;
      }
      case 'portfolio': {
        const fields = Array.isArray(rule['fields'])
          ? (rule['fields'] as string[]).map((f) => fm.fields?.[f] ?? f)
          : [];
        return (
          `Mỗi lĩnh vực${fields.length ? ` (${list(fields)})` : ''} có đúng một ` +
          `Ủy viên ${body(rule['body'])} phụ trách` +
          `${rule['max_per_member'] ? `, mỗi Ủy viên phụ trách không quá ${rule['max_per_member']} lĩnh vực` : ''}.`
        );
      }
      case 'meeting_score': {
        const criteria = Array.isArray(rule['criteria']) ? (rule['criteria'] as { text: string; max: number }[]) : [];
        const grades = Array.isArray(rule['grades']) ? (rule['grades'] as { min: number; label: string }[]) : [];
        const total = criteria.reduce((n, c) => n + Number(c.max || 0), 0);
        return (
          `Chất lượng mỗi buổi sinh hoạt của ${body(rule['body'])} được chấm theo ${criteria.length} tiêu chí, ` +
          `tổng ${total} điểm` +
          (grades.length
            ? `; xếp loại ${grades
                .slice()
                .sort((a, b) => b.min - a.min)
                .map((g) => `${g.label} từ ${g.min} điểm`)
                .join(', ')}`
            : '') +
          '.'
        );
      }
      case 'assessment_criteria': {
        const groups = Array.isArray(rule['groups']) ? (rule['groups'] as { text: string; max: number }[]) : [];
        return (
          `${SUBJECT[String(rule['subject'])] ?? 'Đối tượng'} được chấm theo ${groups.length} nhóm tiêu chí: ` +
          `${groups.map((g) => `${g.text} ${g.max} điểm`).join('; ')}.`
        );
      }
      case 'assessment_level': {
        const share = (k: string) => (rule[k] as { ratio?: string | number } | undefined)?.ratio;
        const facts = (k: string) => (Array.isArray(rule[k]) ? (rule[k] as string[]).map((f) => FACT[f] ?? f) : []);
        const who = SUBJECT[String(rule['subject'])] ?? 'Đối tượng';
        const level = LEVEL[String(rule['level'])] ?? String(rule['level']);
        if (rule['level'] === 'khong_hoan_thanh')
          return (
            `${who} xếp loại "${level}" khi dưới 50 điểm` +
            (facts('when_any').length ? ` hoặc ${facts('when_any').join(', ')}` : '') +
            (share('tasks_failed_over')
              ? `, hoặc quá ${pct(share('tasks_failed_over'))} nhiệm vụ không hoàn thành`
              : '') +
            (facts('unless').length ? ` (trừ khi ${facts('unless').join(', ')}: cấp có thẩm quyền xem xét)` : '') +
            '.'
          );
        const parts = [
          typeof rule['min_points'] === 'number' ? `từ ${decimal(rule['min_points'] as number)} điểm` : '',
          share('tasks_done') ? `hoàn thành ${pct(share('tasks_done'))} nhiệm vụ` : '',
          share('tasks_on_time') ? `${pct(share('tasks_on_time'))} nhiệm vụ đúng hạn` : '',
          share('tasks_exceeded') ? `ít nhất ${pct(share('tasks_exceeded'))} nhiệm vụ vượt mức` : '',
          share('max_tasks_late') ? `nhiệm vụ chậm tiến độ không quá ${pct(share('max_tasks_late'))}` : '',
          share('shortcomings_fixed') ? `khắc phục ${pct(share('shortcomings_fixed'))} hạn chế đã chỉ ra` : '',
          ...facts('not_if').map((f) => `không ${f}`),
        ].filter(Boolean);
        return `${who} xếp loại "${level}" khi ${parts.join(', ')}.`;
      }
      case 'assessment_quota': {
        const max = rule['max'] as { ratio?: string | number } | undefined;
        const wide = rule['outstanding'] as { ratio?: string | number } | undefined;
        return (
          `Số được xếp loại "${LEVEL[String(rule['level'])] ?? rule['level']}" không quá ${pct(max?.ratio)} số được ` +
          `xếp loại "Hoàn thành tốt nhiệm vụ"` +
          (wide ? `; đơn vị có thành tích nổi trội không quá ${pct(wide.ratio)}` : '') +
          '.'
        );
      }
      case 'assessment_timetable': {
        const step: Record<string, string> = {
          member: 'Đánh giá, xếp loại đảng viên',
          organization: 'Đánh giá, xếp loại tổ chức đảng',
          report: 'Báo cáo kết quả đánh giá, xếp loại lên cấp trên',
        };
        return (
          `${step[String(rule['step'])] ?? 'Kiểm điểm, đánh giá, xếp loại'} hoàn thành trước ngày ` +
          `${String(rule['before'])} ${rule['next_year'] === true ? 'năm sau' : 'hằng năm'}.`
        );
      }
      case 'assessment_order': {
        const after = Array.isArray(rule['after']) ? (rule['after'] as string[]) : [];
        const first = [
          after.includes('members') ? 'đảng viên' : '',
          after.includes('subordinates') ? 'tổ chức đảng trực thuộc' : '',
        ].filter(Boolean);
        return `Hoàn thành đánh giá, xếp loại ${first.join(' và ')} trước, tổ chức đảng sau.`;
      }
      default:
        return 'Quy tắc của điều khoản này.';
    }
  })();
  return `${s.replace(/\.$/, '')}${when}.`.replace(/\s+/g, ' ');
}
