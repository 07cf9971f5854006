import { z } from 'zod';
import { ProblemSchema } from '@quyche/core';
import { routes } from './route.js';

function schemaOf(s: z.ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(s, { io, unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as Record<string, unknown>;
}

/** OpenAPI 3.1 from the same Zod schemas the routes validate with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = `/api/v1${r.url}`.replace(/:([a-zA-Z]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, s] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!s) continue;
      const js = schemaOf(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema });
      }
    }
    const op: Record<string, unknown> = {
      summary: r.summary,
      tags: [r.tag],
      parameters,
      responses: {
        [String(r.status ?? (r.response ? 200 : 204))]: r.response
          ? { description: 'OK', content: { 'application/json': { schema: schemaOf(r.response, 'output') } } }
          : { description: 'Không có nội dung' },
        default: {
          description: 'Lỗi (problem+json)',
          content: { 'application/problem+json': { schema: schemaOf(ProblemSchema, 'output') } },
        },
      },
    };
    if (r.body)
      op['requestBody'] = { required: true, content: { 'application/json': { schema: schemaOf(r.body, 'input') } } };
    if (!r.public) op['security'] = [{ session: [] }];
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Quychế API',
      version: '1',
      description:
        'Quy chế làm việc của cấp ủy Đảng: tổ chức, cơ quan, ' +
        'cán bộ theo thời gian. Mọi thao tác ghi cần tiêu đề x-csrf-token.',
    },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'qc_session' } } },
    paths,
  };
}
