/**
 * Compile-time checks only (nothing imports this module): `tsc` fails here when an error of core carries a code the
 * catalogue (problem.codes.ts) lacks, or when a misspelt code would pass.
 */
import type { ZipIssue } from '../files/zip.read.js';
import type { OrgRuleId } from '../org/org.rules.js';
import type { EngineError } from '../regulation/engine.js';
import type { ImportError } from '../regulation/reg.import.js';
import type { SixClearCheck } from '../work/task.rules.js';
import type { KnownCode } from './problem.js';
import type { ErrorCode, SpecificCode } from './problem.codes.js';

type Assert<T extends true> = T;
type Within<T, U> = [T] extends [U] ? true : false;

export type ErrorCodeChecks = [
  // integrity.ts sends the rule's id
  Assert<Within<OrgRuleId, SpecificCode>>,
  // regulation and agenda services send `ENGINE_${code}`
  Assert<Within<`ENGINE_${EngineError['code']}`, SpecificCode>>,
  // the file worker sends the import's or the package's code; a package that does not open is "not that file"
  Assert<Within<Exclude<ImportError['code'] | ZipIssue['code'], 'KHONG_MO_DUOC_GOI_NEN'>, ErrorCode>>,
  // task, conclusion and program services send the rule of "6 rõ" that refused
  Assert<Within<NonNullable<SixClearCheck['refused']>['rule'], SpecificCode>>,
  // a literal code is checked, a computed one (string) is not
  Assert<Within<KnownCode<'SAI_THAM_QUYEN'>, 'SAI_THAM_QUYEN'>>,
  Assert<Within<'SAI_THAM_QUYN', KnownCode<'SAI_THAM_QUYN'>> extends true ? false : true>,
  Assert<Within<string, KnownCode<string>>>,
];
