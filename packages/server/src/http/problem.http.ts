import type { FastifyError, FastifyReply } from 'fastify';
import { fieldLabelVi, issueMessage, problem, ProblemError } from '@quyche/core';
import type { IssueLike } from '@quyche/core';
import type { Problem } from '@quyche/core';
import type { z } from 'zod';
import type { JsonGuardIssue } from './json-guard.js';

export function sendProblem(reply: FastifyReply, p: Problem) {
  if ((p.status === 429 || p.status === 503) && typeof p['retryAfter'] === 'number')
    reply.header('retry-after', String(p['retryAfter']));
  return reply.code(p.status).type('application/problem+json; charset=utf-8').send(p);
}

/**
 * Zod issues → problem+json: each error keeps the machine path in `field` (`body.validFrom`, for the form to put the
 * message beside its input) and says what is wrong in Vietnamese, naming the field by the label of the form that
 * sends `schema` (form.labels.ts). The issues must come from a parse with ISSUE_PARSE.
 */
export function validationProblem(where: 'body' | 'query' | 'params', error: z.ZodError, schema?: unknown): Problem {
  const errors = error.issues.map((i) => {
    const path = i.path.map(String);
    const keys = i.code === 'unrecognized_keys' ? [...path, i.keys[0]!] : path;
    const label = fieldLabelVi(i.path, schema, where);
    // An address is not typed into a form: whatever is wrong in it, it is the address that is wrong.
    const message =
      where !== 'params'
        ? issueMessage(i as IssueLike, label)
        : i.path.length
          ? `${label} trong địa chỉ không hợp lệ`
          : 'Địa chỉ không hợp lệ';
    return { field: [where, ...keys].join('.'), message: message.charAt(0).toLocaleUpperCase('vi') + message.slice(1) };
  });
  const first = errors[0];
  return problem('VALIDATION_FAILED', { field: first?.field ?? where, detail: first?.message, errors });
}

/** What the JSON guard found, as the 400 that names the field. */
export function jsonGuardProblem(issue: JsonGuardIssue): Problem {
  const field = ['body', ...issue.path].join('.');
  const message =
    issue.kind === 'depth'
      ? `Dữ liệu lồng nhau quá ${issue.limit} cấp`
      : issue.kind === 'nul'
        ? 'Không được chứa ký tự NUL (\\u0000)'
        : 'Chứa ký tự Unicode không hợp lệ (nửa cặp thay thế UTF-16, ví dụ \\ud800)';
  return problem('VALIDATION_FAILED', {
    field,
    detail: `${field}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
    errors: [{ field, message }],
  });
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/** Every error leaves as problem+json; never a stack trace. `bodyLimit`: the limit of the route that refused. */
export function toProblem(err: unknown, bodyLimit = 1024 * 1024): Problem {
  if (err instanceof ProblemError) return err.problem;
  const e = err as FastifyError & { code?: string };
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem('MALFORMED_JSON', { field: 'body', detail: 'Nội dung không phải JSON hợp lệ' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem('PAYLOAD_TOO_LARGE', {
        field: 'body',
        limit: bodyLimit,
        detail: `Nội dung gửi lên vượt quá giới hạn ${megabytes(bodyLimit)} của thao tác này`,
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem('UNSUPPORTED_MEDIA_TYPE', { field: 'content-type' });
    case '23505':
      return problem('DUPLICATE', { detail: 'Mã hoặc tên đã được dùng cho một bản ghi khác' });
    case '23503':
      return problem('VALIDATION_FAILED', { detail: 'Tham chiếu tới bản ghi không tồn tại' });
    case '23514':
      // Check constraints on user data: "not its own parent" (organization_parent_check),
      // else "ends on or after it starts".
      if ((e as { constraint?: string }).constraint === 'organization_parent_check') {
        return problem('RULE_VIOLATION', {
          code: 'TU_LAM_CAP_TREN',
          field: 'body.parentId',
          detail: 'Tổ chức không thể là cấp trên của chính mình',
        });
      }
      return problem('RULE_VIOLATION', {
        code: 'NGAY_KET_THUC_TRUOC_NGAY_BAT_DAU',
        field: 'body.validUntil',
        detail: 'Ngày kết thúc không được trước ngày bắt đầu đã ghi',
      });
    case '22003':
      return problem('VALIDATION_FAILED', { detail: 'Số vượt quá giới hạn cho phép' });
    case '22007':
    case '22008':
      return problem('VALIDATION_FAILED', { detail: 'Ngày không hợp lệ' });
  }
  if (e instanceof SyntaxError) return problem('MALFORMED_JSON', { field: 'body' });
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return problem('VALIDATION_FAILED', { field: 'body', detail: 'Yêu cầu không hợp lệ' });
  }
  return problem('INTERNAL');
}
