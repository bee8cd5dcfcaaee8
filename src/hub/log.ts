// One JSON object per line on standard output: easy to grep, easy to ship. Callers pass only
// what is safe to keep: never a token, never a payload.
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export function logLine(msg: string, fields: LogFields = {}): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), msg, ...fields })}\n`);
}
