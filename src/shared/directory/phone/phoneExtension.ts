// Extensions are kept apart from the number: caller ID never carries one, so the E.164 part
// alone is what the lookup matches (P27; docs/callerid.md "Numbers for the lookup"), and the
// extension is only shown.

// 转 / 分机 (Chinese), ext / x (English), # (dial strings), each followed by 1–6 digits at the end.
const EXTENSION_AT_END = /(?:\s*(?:转|分机|ext\.?|extension|x|#)\s*:?\s*)(\d{1,6})\s*$/iu;

export interface SplitExtension {
  main: string;
  extension: string | null;
}

/** Splits `0755-8888 1234 转 56` into `0755-8888 1234` and `56`. Input is already half-width. */
export function splitExtension(text: string): SplitExtension {
  const match = EXTENSION_AT_END.exec(text);
  if (!match || match.index === 0) return { main: text.trim(), extension: null };
  return { main: text.slice(0, match.index).trim(), extension: match[1]! };
}
