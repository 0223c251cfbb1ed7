interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** First message per field, keyed by dotted path — the same shape as the server's `details`. */
export function fieldErrors(issues: ReadonlyArray<IssueLike>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
