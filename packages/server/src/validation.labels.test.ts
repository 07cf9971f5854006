/**
 * Every validation message of the schemas the web's forms send is Vietnamese and names the field by its label
 * (form.labels.ts): for each field of each schema, bad input (missing, wrong type, too long, out of range, a date
 * that does not exist, a value not in the list) is refused with a sentence the user can read beside the input.
 * Pure: the schemas are parsed as the routes parse them (ISSUE_PARSE), no database.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as core from '@quyche/core';
import { findFieldLabel, formErrors, IdSchema, ISSUE_PARSE, IsoDateSchema, labelCore } from '@quyche/core';
import { validationProblem } from './http/problem.http.js';

type Where = 'body' | 'query';

/**
 * What the web sends, by the route it calls (grep `api('POST'` … in packages/web/src) and the filters it reads with.
 */
const FORMS: [route: string, where: Where, schema: keyof typeof core][] = [
  ['POST /auth/login', 'body', 'LoginSchema'],
  ['POST /auth/password', 'body', 'ChangePasswordSchema'],
  ['POST /users', 'body', 'CreateUserSchema'],
  ['POST /users/:id/password', 'body', 'ResetPasswordSchema'],
  ['POST /regulations', 'body', 'CreateRegulationSchema'],
  ['POST /regulations/validate', 'body', 'RegulationTextSchema'],
  ['POST /regulations/import', 'body', 'ImportRegulationSchema'],
  ['POST /regulations/:id/ask', 'body', 'AskQuestionSchema'],
  ['GET /regulations/:id/diff', 'query', 'DiffQuerySchema'],
  ['POST /tasks', 'body', 'CreateTaskSchema'],
  ['PATCH /tasks/:id', 'body', 'UpdateTaskSchema'],
  ['POST /tasks/:id/transition', 'body', 'TaskTransitionSchema'],
  ['POST /tasks/:id/reports', 'body', 'TaskReportSchema'],
  ['POST /tasks/:id/extensions', 'body', 'ExtensionRequestSchema'],
  ['POST /tasks/:id/extensions/:extensionId/decision', 'body', 'ExtensionDecisionSchema'],
  ['POST /tasks/import', 'body', 'TaskImportSchema'],
  ['POST /conclusion-items/:id/task', 'body', 'FromConclusionSchema'],
  ['GET /tasks', 'query', 'TaskListQuerySchema'],
  ['GET /conclusion-items', 'query', 'PendingActionItemsQuerySchema'],
  ['POST /meetings', 'body', 'CreateMeetingSchema'],
  ['PATCH /meetings/:id', 'body', 'UpdateMeetingSchema'],
  ['POST /meetings/:id/convene', 'body', 'ConveneMeetingSchema'],
  ['POST /meetings/:id/documents-sent', 'body', 'SendDocumentsSchema'],
  ['POST /meetings/:id/open, /close, /minutes/approve', 'body', 'MeetingStepSchema'],
  ['POST /meetings/:id/cancel', 'body', 'CancelMeetingSchema'],
  ['POST /meetings/:id/reschedule', 'body', 'RescheduleMeetingSchema'],
  ['PUT /meetings/:id/minutes', 'body', 'MinutesSchema'],
  ['POST /meetings/:id/agenda', 'body', 'CreateAgendaItemSchema'],
  ['POST /meetings/:id/agenda/:itemId/votes', 'body', 'CastVoteSchema'],
  ['POST /meetings/:id/agenda/:itemId/reserved-opinions', 'body', 'ReservedOpinionSchema'],
  ['POST /meetings/:id/documents', 'body', 'CreateMeetingDocumentSchema'],
  ['PATCH /meetings/:id/attendance/:attendanceId', 'body', 'AttendanceUpdateSchema'],
  ['POST /meetings/:id/guests', 'body', 'CreateGuestSchema'],
  ['POST /meetings/:id/sites', 'body', 'CreateSiteSchema'],
  ['POST /meetings/:id/written-responses', 'body', 'WrittenResponseSchema'],
  ['POST /meetings/:id/conclusion', 'body', 'IssueConclusionSchema'],
  ['PATCH /meetings/:id/sites/:siteId/attendance/:attendanceId', 'body', 'SiteAttendanceSchema'],
  ['POST /meetings/:id/sites/:siteId/guests', 'body', 'SiteGuestSchema'],
  ['GET /meetings', 'query', 'MeetingListQuerySchema'],
  ['GET /bodies/:id/calendar, /organizations/:id/conference-quotas', 'query', 'CalendarQuerySchema'],
  ['POST /programs', 'body', 'CreateProgramSchema'],
  ['POST /programs/:id/items', 'body', 'CreateProgramItemSchema'],
  ['PATCH /program-items/:id', 'body', 'UpdateProgramItemSchema'],
  ['POST /programs/:id/adopt', 'body', 'AdoptProgramSchema'],
  ['POST /programs/:id/cancel', 'body', 'CancelProgramSchema'],
  ['DELETE /program-items/:id', 'query', 'DeleteProgramItemQuerySchema'],
  ['POST /program-items/:id/tasks', 'body', 'ItemTaskSchema'],
  ['GET /programs', 'query', 'ProgramListQuerySchema'],
  ['POST /inspections', 'body', 'CreateInspectionSchema'],
  ['PATCH /inspections/:id', 'body', 'UpdateInspectionSchema'],
  ['POST /inspections/:id/transition', 'body', 'InspectionStepSchema'],
  ['GET /inspections', 'query', 'InspectionListQuerySchema'],
  ['POST /recommendations', 'body', 'CreateRecommendationSchema'],
  ['POST /recommendations/:id/transition', 'body', 'RecommendationStepSchema'],
  ['GET /recommendations', 'query', 'RecommendationListQuerySchema'],
  ['POST /consultations', 'body', 'CreateConsultationSchema'],
  ['POST /consultations/:id/answers', 'body', 'ConsultationAnswerSchema'],
  ['PATCH /consultations/:id/comments/:commentId', 'body', 'DisposeCommentSchema'],
  ['POST /consultations/:id/recipients/:recipientId', 'body', 'RecipientStepSchema'],
  ['POST /consultations/:id/next-version', 'body', 'NextVersionSchema'],
  ['POST /consultations/:id/submit', 'body', 'SubmitConsultationSchema'],
  ['POST /consultations/:id/adopt', 'body', 'AdoptConsultationSchema'],
  ['GET /consultations', 'query', 'ConsultationListQuerySchema'],
  ['GET /consultations/:id/comments', 'query', 'ConsultationCommentsQuerySchema'],
  ['POST /review-reports', 'body', 'CreateReviewReportSchema'],
  ['PATCH /review-reports/:id', 'body', 'UpdateReviewReportSchema'],
  ['POST /review-reports/:id/circulate', 'body', 'CirculateReviewReportSchema'],
  ['POST /review-reports/:id/adopt', 'body', 'AdoptReviewReportSchema'],
  ['POST /review-reports/:id/next-program', 'body', 'NextProgramSchema'],
  ['POST /shortcomings', 'body', 'CreateShortcomingSchema'],
  ['POST /shortcomings/:id/fix', 'body', 'FixShortcomingSchema'],
  ['POST /review-requests', 'body', 'CreateReviewRequestSchema'],
  ['POST /review-requests/:id/submit', 'body', 'SubmitReviewRequestSchema'],
  ['POST /review-requests/:id/conclude', 'body', 'ConcludeReviewRequestSchema'],
  ['GET /organizations/:id/review, /subordinates-review', 'query', 'ReviewQuerySchema'],
  ['GET /organizations/:id/briefing', 'query', 'BriefingQuerySchema'],
  ['GET /review-reports', 'query', 'ReviewReportListQuerySchema'],
  ['GET /review-requests', 'query', 'ReviewRequestListQuerySchema'],
  ['GET /shortcomings', 'query', 'ShortcomingListQuerySchema'],
  ['GET /organizations/tree', 'query', 'TreeQuerySchema'],
  ['GET /organizations/:id, /people/:id …', 'query', 'AsOfQuerySchema'],
];

const DIACRITIC = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
/** zod's and JavaScript's words, the request's parts, and field keys (camelCase). */
const NOT_FOR_USERS = /string|number|expected|undefined|received|body\.|query\.|[a-z]+[A-Z][a-zA-Z]*/;
const UPPER_SNAKE = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;

// — Walking a schema: its fields, nested ones included, with what reaches a branch of a discriminated union.

type Def = { type: string } & Record<string, unknown>;
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;
interface Field {
  path: (string | number)[];
  leaf: z.ZodType;
  required: boolean;
  /** The discriminator's value, for a field of one branch of a union. */
  branch: Record<string, unknown>;
}

function unwrap(s: z.ZodType): { leaf: z.ZodType; optional: boolean } {
  let optional = false;
  for (;;) {
    const d = defOf(s);
    if (['optional', 'default', 'prefault'].includes(d.type)) optional = true;
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type))
      s = d['innerType'] as z.ZodType;
    else if (d.type === 'lazy') s = (d['getter'] as () => z.ZodType)();
    else if (d.type === 'pipe') s = d['in'] as z.ZodType;
    else return { leaf: s, optional };
  }
}

function fieldsOf(
  schema: z.ZodType,
  path: (string | number)[] = [],
  branch: Record<string, unknown> = {},
  out: Field[] = [],
): Field[] {
  const { leaf } = unwrap(schema);
  const d = defOf(leaf);
  if (d.type === 'object') {
    for (const [k, v] of Object.entries(d['shape'] as Record<string, z.ZodType>)) {
      const u = unwrap(v);
      if (defOf(u.leaf).type === 'literal' && k in branch) continue;
      out.push({ path: [...path, k], leaf: u.leaf, required: !u.optional, branch });
      fieldsOf(v, [...path, k], branch, out);
    }
  } else if (d.type === 'array') {
    const element = unwrap(d['element'] as z.ZodType).leaf;
    if (['object', 'union'].includes(defOf(element).type)) fieldsOf(element, [...path, 0], branch, out);
    // An element of a list cannot be missing: only wrong.
    else out.push({ path: [...path, 0], leaf: element, required: false, branch });
  } else if (d.type === 'union' && typeof d['discriminator'] === 'string') {
    const key = d['discriminator'];
    for (const option of d['options'] as z.ZodType[]) {
      const literal = defOf(unwrap((defOf(option)['shape'] as Record<string, z.ZodType>)[key]!).leaf)[
        'values'
      ] as unknown[];
      fieldsOf(option, path, { ...branch, [key]: literal[0] }, out);
    }
  }
  return out;
}

const formFields = (schema: z.ZodType) => {
  const seen = new Set<string>();
  return fieldsOf(schema).filter((f) => {
    const k = `${JSON.stringify(f.branch)} ${f.path.join('.')}`;
    return !seen.has(k) && !!seen.add(k);
  });
};

// — Bad input for one field: the value at its path, the rest of the request as little as reaches it.

function put(
  base: Record<string, unknown>,
  path: (string | number)[],
  value: unknown,
  drop = false,
): Record<string, unknown> {
  const root: Record<string, unknown> = structuredClone(base);
  let at: Record<string | number, unknown> = root;
  path.forEach((k, i) => {
    if (i === path.length - 1) {
      if (drop) delete at[k];
      else at[k] = value;
      return;
    }
    at[k] ??= typeof path[i + 1] === 'number' ? [] : {};
    at = at[k] as Record<string | number, unknown>;
  });
  return root;
}

const checks = (d: Def) => ((d['checks'] ?? []) as { _zod: { def: Record<string, unknown> } }[]).map((c) => c._zod.def);
const bound = (d: Def, kind: string) => checks(d).find((c) => c['check'] === kind);

/** Bad values for a field, by what it is: each must be refused naming the field. */
function badValues(f: Field): { why: string; value?: unknown; drop?: boolean }[] {
  const d = defOf(f.leaf);
  const out: { why: string; value?: unknown; drop?: boolean }[] = [];
  if (f.required) out.push({ why: 'missing', drop: true });
  if (f.leaf === IsoDateSchema)
    return [
      ...out,
      { why: 'no such day', value: '2026-02-30' },
      { why: 'not a date', value: '30/02/2026' },
      { why: 'wrong type', value: 20260101 },
    ];
  if (f.leaf === IdSchema) return [...out, { why: 'not an id', value: 'abc' }, { why: 'wrong type', value: 12 }];
  switch (d.type) {
    case 'string': {
      out.push({ why: 'wrong type', value: 12 });
      const max = bound(d, 'max_length')?.['maximum'] as number | undefined;
      const min = bound(d, 'min_length')?.['minimum'] as number | undefined;
      if (max !== undefined) out.push({ why: 'too long', value: 'x'.repeat(max + 1) });
      if (min !== undefined) out.push({ why: 'too short', value: min <= 1 ? '' : 'x' });
      if (checks(d).some((c) => c['format'] === 'regex' || c['format'] === 'uuid'))
        out.push({ why: 'bad format', value: '!!! ??' });
      break;
    }
    case 'number': {
      out.push({ why: 'wrong type', value: 'abc' });
      const max = bound(d, 'less_than')?.['value'] as number | undefined;
      const min = bound(d, 'greater_than')?.['value'] as number | undefined;
      if (max !== undefined && Number.isFinite(max)) out.push({ why: 'too big', value: max + 1 });
      if (min !== undefined && Number.isFinite(min)) out.push({ why: 'too small', value: min - 1 });
      if (checks(d).some((c) => c['format'] === 'safeint')) out.push({ why: 'not whole', value: 1.5 });
      break;
    }
    case 'enum':
      out.push({ why: 'not in the list', value: 'khong_co' }, { why: 'wrong type', value: 12 });
      break;
    case 'boolean':
      out.push({ why: 'wrong type', value: 'co' });
      break;
    case 'array': {
      out.push({ why: 'wrong type', value: 'x' });
      const max = bound(d, 'max_length')?.['maximum'] as number | undefined;
      const min = bound(d, 'min_length')?.['minimum'] as number | undefined;
      if (max !== undefined) out.push({ why: 'too many', value: Array.from({ length: max + 1 }, () => null) });
      if (min !== undefined) out.push({ why: 'too few', value: [] });
      break;
    }
    case 'object':
    case 'record':
    case 'union':
      out.push({ why: 'wrong type', value: 'x' });
      break;
  }
  return out;
}

function refusal(where: Where, schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input, ISSUE_PARSE);
  expect(r.success, `${JSON.stringify(input).slice(0, 200)} should be refused`).toBe(false);
  const p = validationProblem(where, r.error!, schema);
  // The web checks the same body before sending it (useSchemaForm): the same sentence beside the same field.
  if (where === 'body') {
    const first: Record<string, string> = {};
    for (const e of p['errors'] as { field: string; message: string }[]) first[e.field.slice(5)] ??= e.message;
    expect(formErrors(schema, input)).toEqual(first);
  }
  return p;
}

/** Soft, so that one run lists every message that does not read well. */
function expectReadable(message: string, where: string) {
  expect.soft(message, `${where}: Vietnamese`).toMatch(DIACRITIC);
  expect.soft(message, `${where}: no zod words, request parts or keys`).not.toMatch(NOT_FOR_USERS);
  expect.soft(message, `${where}: no identifiers`).not.toMatch(UPPER_SNAKE);
  expect.soft(message.charAt(0), `${where}: a sentence`).toBe(message.charAt(0).toLocaleUpperCase('vi'));
}

// biome-ignore lint/performance/noDynamicNamespaceImportAccess: the test looks schemas up by the names it lists.
const schemaOf = (name: keyof typeof core) => core[name] as unknown as z.ZodType;

describe('validation messages of the forms’ schemas', () => {
  it('lists every schema the web sends, and each exists', () => {
    for (const [route, , name] of FORMS) expect(defOf(schemaOf(name)), `${route}: ${name}`).toBeDefined();
    expect(new Set(FORMS.map(([, , n]) => n)).size).toBe(FORMS.length);
  });

  it.each(FORMS)('%s (%s, %s): every field has a Vietnamese label', (route, where, name) => {
    const fields = formFields(schemaOf(name));
    expect(fields.length, `${name} has fields`).toBeGreaterThan(0);
    for (const f of fields) {
      const label = findFieldLabel(f.path, schemaOf(name));
      expect.soft(label, `${route} ${where}.${f.path.join('.')}: label`).toBeDefined();
      if (!label) continue;
      expect.soft(label.vi, `${name}.${f.path.join('.')}: vi`).toMatch(DIACRITIC);
      expect.soft(label.vi, `${name}.${f.path.join('.')}: vi is no key`).not.toMatch(NOT_FOR_USERS);
      expect.soft(label.en.length, `${name}.${f.path.join('.')}: en`).toBeGreaterThan(1);
    }
  });

  it.each(FORMS)('%s (%s, %s): bad input is refused naming the field by its label', (route, where, name) => {
    const schema = schemaOf(name);
    for (const f of formFields(schema)) {
      const label = findFieldLabel(f.path, schema)?.vi ?? '(no label)';
      const field = [where, ...f.path].join('.');
      for (const bad of badValues(f)) {
        const input = put(f.branch, f.path, bad.value, bad.drop);
        const p = refusal(where, schema, input);
        const what = `${route} ${field} (${bad.why})`;
        const mine = (p.errors ?? []).filter((e) => e.field === field);
        expect
          .soft(mine.length, `${what}: an error on ${field} in ${JSON.stringify(p.errors).slice(0, 300)}`)
          .toBeGreaterThan(0);
        for (const e of mine)
          expect
            .soft(e.message.toLocaleLowerCase('vi'), `${what}: names "${label}"`)
            .toContain(labelCore(label).toLocaleLowerCase('vi'));
        for (const e of (p.errors ?? []).slice(0, 20)) expectReadable(e.message, `${what} → ${e.field} "${e.message}"`);
        expect.soft(p.detail, `${what}: detail is the first message`).toBe(p.errors?.[0]?.message);
      }
      if (Object.keys(f.branch).length && f.path.length === 1) {
        const [key] = Object.keys(f.branch);
        const p = refusal(where, schema, { [key!]: 'khong_co' });
        expect.soft(p.field, `${route}: the step`).toBe(`${where}.${key}`);
        expectReadable(p.detail ?? '', `${route}: unknown step "${p.detail}"`);
      }
    }
  });
});

describe('validation messages read as the form would say them', () => {
  const first = (where: Where, schema: z.ZodType, input: unknown) => {
    const p = refusal(where, schema, input);
    return { field: p.field, detail: p.detail, errors: p.errors };
  };
  const task = { orgId: '01900000-0000-7000-8000-000000000001', title: 'Xây dựng đề án', sourceKind: 'other' };

  it('says the bound in the label’s words, numbers written the Vietnamese way', () => {
    expect(
      first('body', core.CreateMeetingSchema, {
        bodyId: task.orgId,
        kind: 'regular',
        title: 'x'.repeat(501),
        meetingDate: '2026-03-02',
      }),
    ).toMatchObject({ field: 'body.title', detail: 'Tên cuộc họp tối đa 500 ký tự' });
    expect(
      first('body', core.TaskReportSchema, { reportedOn: '2026-03-02', percent: 101, text: 'Đã làm' }),
    ).toMatchObject({ field: 'body.percent', detail: 'Tiến độ (%) tối đa 100' });
    expect(
      first('body', core.TaskReportSchema, { reportedOn: '2026-03-02', percent: 50, text: 'x'.repeat(20_001) }),
    ).toMatchObject({ field: 'body.text', detail: 'Kết quả đã làm tối đa 20.000 ký tự' });
    expect(first('body', core.CastVoteSchema, { method: 'show_of_hands', yes: -1, no: 0, abstain: 0 })).toMatchObject({
      field: 'body.yes',
      detail: 'Đồng ý không được âm',
    });
    expect(first('body', core.CreateTaskSchema, { ...task, title: '   ' }).detail).toBe(
      'Nội dung nhiệm vụ không được để trống',
    );
  });

  it('says a date does not exist, a field is missing, a choice is not in the list', () => {
    expect(first('body', core.CreateTaskSchema, { ...task, dueDate: '2026-02-30' })).toMatchObject({
      field: 'body.dueDate',
      detail: 'Hạn hoàn thành: ngày không hợp lệ (dd/mm/yyyy)',
    });
    // A date field left blank sends '': missing, as the form's own check says before sending.
    expect(first('body', core.CreateTaskSchema, { ...task, dueDate: '' }).detail).toBe('Thiếu Hạn hoàn thành');
    expect(
      core.formErrors(core.RescheduleMeetingSchema, { version: 1, meetingDate: '', reason: 'Đi công tác' }),
    ).toEqual({ meetingDate: 'Thiếu Ngày họp mới' });
    expect(first('query', core.TaskListQuerySchema, { dueFrom: '2026-13-01' })).toMatchObject({
      field: 'query.dueFrom',
      detail: 'Hạn từ ngày: ngày không hợp lệ (dd/mm/yyyy)',
    });
    expect(first('body', core.CreateTaskSchema, { orgId: task.orgId, sourceKind: 'other' })).toMatchObject({
      field: 'body.title',
      detail: 'Thiếu Nội dung nhiệm vụ',
    });
    expect(first('body', core.CreateTaskSchema, { ...task, orgId: undefined }).detail).toBe('Thiếu Tổ chức');
    expect(first('body', core.CastVoteSchema, { method: 'gio_tay', yes: 1, no: 0, abstain: 0 }).detail).toBe(
      'Hình thức biểu quyết không hợp lệ: hãy chọn một giá trị trong danh sách',
    );
    expect(first('body', core.ReservedOpinionSchema, { personId: 'abc', text: 'Bảo lưu' }).detail).toBe(
      'Ủy viên không hợp lệ: hãy chọn lại',
    );
  });

  it('numbers the element of a list, and keeps the field path for the form', () => {
    const item = { kind: 'action', text: 'Rà soát' };
    const p = first('body', core.IssueConclusionSchema, {
      issuedOn: '2026-03-02',
      summary: 'Tóm tắt',
      signer: { for: 'T/M BAN THƯỜNG VỤ', position: 'Bí thư' },
      items: [item, { ...item, leads: [{ kind: 'unit', id: task.orgId, name: 'x'.repeat(301) }] }],
    });
    expect(p).toMatchObject({
      field: 'body.items.1.leads.0.name',
      detail: 'Tên đơn vị chủ trì (mục 2) tối đa 300 ký tự',
    });
    expect(
      first('body', core.CreateTaskSchema, { ...task, milestones: [{ title: 'Mốc 1', dueDate: '2026-02-30' }] }).detail,
    ).toBe('Ngày của mốc (mục 1): ngày không hợp lệ (dd/mm/yyyy)');
  });

  it('keeps the schema’s own words, named by the label when they do not name it', () => {
    expect(
      first('body', core.CirculateReviewReportSchema, { version: 1, deadline: '2026-03-02', recipients: [] }).detail,
    ).toBe('Chọn ít nhất một nơi nhận');
    expect(
      first('body', core.CreateUserSchema, {
        username: 'Người Mới',
        password: 'mat-khau-dai-du',
        displayName: 'A',
        grants: [{ role: 'viewer', orgId: task.orgId }],
      }).detail,
    ).toBe('Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch');
    expect(first('body', core.NextVersionSchema, { version: 1, memo: 'Tờ trình', expression: 'bản 2' }).detail).toBe(
      'Ký hiệu phiên bản: chỉ dùng chữ không dấu, số, @ . _ -',
    );
    const doc = {
      orgId: task.orgId,
      document: { title: 'Dự thảo', text: 'Đoạn 1' },
      deadline: '2026-03-20',
      recipients: [{ kind: 'org', id: task.orgId }],
    };
    expect(first('body', core.CreateConsultationSchema, doc)).toMatchObject({
      field: 'body.matter',
      detail: 'Văn bản dự thảo cần nội dung thuộc thẩm quyền (để biết cơ quan thông qua)',
    });
    expect(first('body', core.RegulationTextSchema, { text: '' }).detail).toBe('Văn bản quy chế trống');
    expect(
      first('body', core.CreateTermSchema, { name: 'I', validFrom: '2026-05-01', validUntil: '2026-04-30' }).detail,
    ).toBe('Đến ngày: ngày kết thúc phải từ ngày bắt đầu trở về sau');
  });

  it('names a field that is not taken by its key, and a body of the wrong shape as such', () => {
    expect(first('body', core.CreateTaskSchema, { ...task, hacker: 1 })).toMatchObject({
      field: 'body.hacker',
      detail: 'Trường không được phép: hacker',
    });
    expect(first('body', core.CreateTaskSchema, [])).toMatchObject({
      field: 'body',
      detail: 'Nội dung gửi lên không đúng cấu trúc',
    });
    // A field no form labels still gets a word, never its key.
    const p = first('body', core.DeriveRegulationSchema, { orgId: task.orgId, fromVersionId: 'abc', title: 'Quy chế' });
    expect(p.field).toBe('body.fromVersionId');
    expectReadable(p.detail ?? '', 'an unlabelled field');
    const address = validationProblem(
      'params',
      core.IdParamsSchema.safeParse({ id: 'khong-phai-ma' }, ISSUE_PARSE).error!,
      core.IdParamsSchema,
    );
    expect(address).toMatchObject({ field: 'params.id', detail: 'Mã định danh trong địa chỉ không hợp lệ' });
  });
});
