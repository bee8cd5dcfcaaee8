// Canonical JSON: keys sorted at every level, compact, numbers as JavaScript prints them. Two
// events are "the same content" when their seven fields are equal as JSON values, so the hub
// compares canonical forms (key order and number spelling do not matter).

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${parts.join(',')}}`;
}
