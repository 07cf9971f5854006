/** `a = $3, b = $4` for the defined fields (undefined = leave unchanged, null = clear). Keys are our own column names. */
export function setClause(fields: Record<string, unknown>, firstParam: number): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [col, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    params.push(value);
    parts.push(`${col} = $${firstParam + params.length - 1}`);
  }
  return { sql: parts.join(', '), params };
}
