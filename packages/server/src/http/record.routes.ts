import { IdParamsSchema, IdSchema } from '@quyche/core';
import { z } from 'zod';
import type { RequestContext } from './context.js';
import type { taggedRoutesOf } from './route.js';

type Run<I, T> = (ctx: RequestContext, input: I) => Promise<T>;
type Step<B extends z.ZodType, T> = {
  summary: string;
  body: B;
  run: (ctx: RequestContext, id: string, b: z.output<B>) => Promise<T>;
};

/**
 * The routes every record with a page has, in this order: its list (`GET path`), creating one (`POST path`), one
 * (`GET path/:id`), and when it has them, editing (`PATCH path/:id`) and its steps (`POST path/:id/transition`).
 * Each answers the record but the list, which answers its `item`s.
 */
export function recordRoutes<
  T extends z.ZodType,
  I extends z.ZodType,
  Q extends z.ZodType,
  C extends z.ZodType,
  U extends z.ZodType,
  S extends z.ZodType,
>(
  r: ReturnType<typeof taggedRoutesOf>,
  path: string,
  record: T,
  d: {
    list: { summary: string; query: Q; item: I; run: Run<z.output<Q>, z.input<I>[]> };
    create: { summary: string; body: C; run: Run<z.output<C>, z.input<T>> };
    get: { summary: string; run: Run<string, z.input<T>> };
    update?: Step<U, z.input<T>>;
    transition?: Step<S, z.input<T>>;
  },
) {
  const one = { params: IdParamsSchema, response: record };
  const { list, create, get, update, transition } = d;
  r({
    method: 'GET',
    url: path,
    summary: list.summary,
    query: list.query,
    response: z.array(list.item),
    handler: ({ ctx, query }) => list.run(ctx, query),
  });
  r({
    method: 'POST',
    url: path,
    summary: create.summary,
    status: 201,
    body: create.body,
    response: record,
    handler: ({ ctx, body }) => create.run(ctx, body),
  });
  r({
    method: 'GET',
    url: `${path}/:id`,
    summary: get.summary,
    ...one,
    handler: ({ ctx, params }) => get.run(ctx, params.id),
  });
  if (update) recordStep(r, 'PATCH', `${path}/:id`, record, update);
  if (transition) recordStep(r, 'POST', `${path}/:id/transition`, record, transition);
}

/** A step on the record the address names (`…/:id/…`), with what it is sent; answers `response`, mostly the record. */
export function recordStep<B extends z.ZodType, T extends z.ZodType>(
  r: ReturnType<typeof taggedRoutesOf>,
  method: 'POST' | 'PUT' | 'PATCH',
  url: string,
  response: T,
  step: Step<B, z.input<T>>,
) {
  r({
    method,
    url,
    summary: step.summary,
    params: IdParamsSchema,
    response,
    body: step.body,
    handler: ({ ctx, params, body }) => step.run(ctx, params.id, body),
  });
}

/** The address's two ids (`…/:id/…/:<child>…`): the record's and, named second, one of its own rows'. */
export function childParams(url: string) {
  const child = [...url.matchAll(/:(\w+)/g)][1]![1]!;
  return { child, params: z.strictObject({ id: IdSchema, [child]: IdSchema }) as z.ZodType<Record<string, string>> };
}

/**
 * A step on one of a record's own rows, named in its address after the record's id (`…/:id/…/:<child>…`): a vote
 * on an agenda item, an attendee's or a recipient's mark, a decision on an extension. It answers `response`.
 */
export function childStep<B extends z.ZodType, T extends z.ZodType>(
  r: ReturnType<typeof taggedRoutesOf>,
  method: 'POST' | 'PATCH',
  url: string,
  response: T,
  step: {
    summary: string;
    body: B;
    run: (ctx: RequestContext, id: string, childId: string, b: z.output<B>) => Promise<z.input<T>>;
  },
) {
  const { child, params } = childParams(url);
  r({
    method,
    url,
    summary: step.summary,
    params,
    body: step.body,
    response,
    handler: ({ ctx, params, body }) => step.run(ctx, params['id']!, params[child]!, body),
  });
}
