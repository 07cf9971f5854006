import { isIsoDate } from '../time/date.js';
import { DEFAULT_CALENDAR, EngineError, needBody, needDate, needInt } from './engine.base.js';
import type { Answer, WorkingCalendar } from './engine.base.js';
import { dueDate, isQuorate, noticeCheck, ownerOf, regularMeetings, voteOutcome, whoDecides } from './engine.js';
import type { Regulation } from './reg.model.js';
import { classify, quotaCheck } from '../assessment/assessment.rules.js';
import { assessmentTimetable } from '../assessment/assessment.timetable.js';

export const ASK_KINDS = [
  'quorum',
  'vote',
  'who_decides',
  'notice',
  'due_date',
  'owner',
  'regular_meetings',
  'classify',
  'quota',
  'timetable',
] as const;
export type AskKind = (typeof ASK_KINDS)[number];

export interface Question {
  ask: string;
  at?: string;
  input: Record<string, unknown>;
}

/** One entry point for the CLI, the API and `kiem-thu` blocks: snake_case in, snake_case out. */
export function ask(reg: Regulation, q: Question, cal: WorkingCalendar = DEFAULT_CALENDAR): Answer {
  const input = q.input ?? {};
  const at = q.at && isIsoDate(q.at) ? q.at : (reg.frontMatter.in_force_from ?? '');
  if (q.at !== undefined && !isIsoDate(q.at)) throw new EngineError('BAD_INPUT', '"at" phải là ngày dạng YYYY-MM-DD');
  switch (q.ask) {
    case 'quorum':
      return isQuorate(
        reg,
        needBody(reg, input),
        { summoned: needInt(input, 'summoned'), present: needInt(input, 'present') },
        at,
        typeof input['meeting_kind'] === 'string' ? input['meeting_kind'] : undefined,
      );
    case 'vote': {
      const method = String(input['method'] ?? '');
      if (!['show_of_hands', 'secret_ballot', 'written'].includes(method))
        throw new EngineError('BAD_INPUT', '"method" là show_of_hands, secret_ballot hoặc written');
      return voteOutcome(
        reg,
        needBody(reg, input),
        input['topic'] === undefined ? undefined : String(input['topic']),
        {
          totalMembers: needInt(input, 'total_members'),
          present: needInt(input, 'present'),
          yes: needInt(input, 'yes'),
          no: needInt(input, 'no'),
          abstain: needInt(input, 'abstain'),
          method,
        },
        at,
      );
    }
    case 'who_decides': {
      const { matter, ...attrs } = input;
      if (typeof matter !== 'string') throw new EngineError('BAD_INPUT', '"matter" phải là mã loại việc trong quy chế');
      return whoDecides(reg, matter, attrs, at);
    }
    case 'notice':
      return noticeCheck(
        reg,
        needBody(reg, input),
        needDate(input, 'meeting_date'),
        needDate(input, 'documents_sent'),
        cal,
      );
    case 'due_date': {
      if (typeof input['duty'] !== 'string')
        throw new EngineError('BAD_INPUT', '"duty" phải là mã nhiệm vụ trong quy chế');
      return dueDate(
        reg,
        input['duty'],
        needDate(input, 'event_date'),
        cal,
        typeof input['event'] === 'string' ? input['event'] : undefined,
      );
    }
    case 'owner':
      if (typeof input['duty'] !== 'string')
        throw new EngineError('BAD_INPUT', '"duty" phải là mã nhiệm vụ trong quy chế');
      return ownerOf(reg, input['duty'], at);
    case 'regular_meetings':
      return regularMeetings(
        reg,
        needBody(reg, input),
        needDate(input, 'from'),
        needDate(input, 'to'),
        typeof input['meeting_kind'] === 'string' ? input['meeting_kind'] : undefined,
      );
    case 'classify':
      return classify(reg, input, at);
    case 'quota':
      return quotaCheck(reg, input, at);
    case 'timetable': {
      // Each step's "before" day and last day, by step: { member: { before, last_day }, … }.
      const a = assessmentTimetable(reg, needInt(input, 'year'), at);
      const steps = a.result.steps.map((d) => [d.step, { before: d.before, last_day: d.lastDay, rule_id: d.ruleId }]);
      return { ...a, result: Object.fromEntries(steps) };
    }
    default:
      throw new EngineError('BAD_INPUT', `Không có loại câu hỏi "${q.ask}"; các loại: ${ASK_KINDS.join(', ')}`);
  }
}

export interface ScenarioResult {
  name: string;
  line: number;
  passed: boolean;
  expected: Record<string, unknown>;
  actual?: Record<string, unknown>;
  error?: string;
}

function subsetMatches(expected: unknown, actual: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected as Record<string, unknown>).every(([k, v]) =>
      subsetMatches(v, (actual as Record<string, unknown>)[k]),
    );
  }
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      expected.length === actual.length &&
      expected.every((v, i) => subsetMatches(v, actual[i]))
    );
  return expected === actual;
}

/** Runs the `kiem-thu` blocks: `expect` must be a subset of the answer's result. */
export function runScenarios(reg: Regulation, cal: WorkingCalendar = DEFAULT_CALENDAR): ScenarioResult[] {
  return reg.tests.map((t) => {
    try {
      const a = ask(reg, { ask: t.ask, at: t.at || undefined, input: t.input } as Question, cal);
      return {
        name: t.name,
        line: t.line,
        passed: subsetMatches(t.expect, a.result),
        expected: t.expect,
        actual: a.result,
      };
    } catch (e) {
      const msg = e instanceof EngineError ? `${e.code}: ${e.reason_vi}` : (e as Error).message;
      return {
        name: t.name,
        line: t.line,
        passed: t.expect['error'] !== undefined && msg.includes(String(t.expect['error'])),
        expected: t.expect,
        error: msg,
      };
    }
  });
}
