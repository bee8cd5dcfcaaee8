// Formatted caller-ID lines of Hayes modems and their dialects (P7; docs/callerid.md "Modem lines").
// Tags are matched at the start of the line, never as substrings: `NAME = SPRINGFIELD MO`
// contains RING and `NAME = UPDATE CO` contains DATE (P6).

export type Tag =
  | 'DATE'
  | 'TIME'
  | 'DATETIME'
  | 'NMBR'
  | 'NAME'
  | 'MESG'
  | 'NO_NMBR'
  | 'NO_NAME'
  | 'CALLED'
  | 'BLOCK_START'
  | 'BLOCK_END';

export interface TagValue {
  tag: Tag;
  value: string;
}

const PATTERNS: [RegExp, Tag][] = [
  // Kortex (France Telecom): DATE TIME=11/24 22:10; ZyXEL 1496: TIME: 11-24 22:10. Before DATE.
  [/^DATE\s*TIME\s*[=:]\s*(\d\d\/\d\d\s+\d\d:\d\d)/, 'DATETIME'],
  [/^TIME:\s*(\d\d-\d\d\s+\d\d:\d\d)/, 'DATETIME'],
  [/^(?:DDN_NMBR|DDN|NMBR|NBR)\s*=\s*(.*)$/, 'NMBR'],
  [/^NAME\s*=\s*(.*)$/, 'NAME'],
  [/^DATE\s*=\s*(.*)$/, 'DATE'],
  [/^TIME\s*=\s*(.*)$/, 'TIME'],
  [/^MESG\s*=\s*(.*)$/, 'MESG'],
  [/^CALLER NUMBER\s*:\s*(.*)$/, 'NMBR'],
  [/^CALLER NAME\s*:\s*(.*)$/, 'NAME'],
  [/^REASON FOR NO CALLER NUMBER\s*:\s*(.*)$/, 'NO_NMBR'],
  [/^REASON FOR NO CALLER NAME\s*:\s*(.*)$/, 'NO_NAME'],
  [/^CallerID\s*:\s*(.*)$/i, 'NMBR'], // Russian USR Courier firmware
  [/^CALLING MSG()$/, 'BLOCK_START'],
  [/^END MSG()$/, 'BLOCK_END'],
];

// misterhouse saw several tags on one line: `NAME=ARCHER L       NMBR=5071234567`.
const NEXT_TAG = /\s+(?=(?:DDN_NMBR|NMBR|NAME|DATE|TIME|MESG)\s*=)/;

function parseOne(text: string): TagValue | null {
  for (const [pattern, tag] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return { tag, value: m[1] ?? '' };
  }
  return null;
}

/** The tags on a line, or null when it is not a caller-ID line. */
export function parseTagLine(text: string): TagValue[] | null {
  // ZyXEL 2864 ISDN: FM:<caller> TO:<called>.
  const fm = /^FM:(\S+)(?:\s+TO:(\S+))?/.exec(text);
  if (fm) {
    const tags: TagValue[] = [{ tag: 'NMBR', value: fm[1]! }];
    if (fm[2]) tags.push({ tag: 'CALLED', value: fm[2] });
    return tags;
  }
  const first = parseOne(text);
  if (!first) return null;
  if (first.tag === 'DATETIME' || first.tag === 'BLOCK_START' || first.tag === 'BLOCK_END') return [first];
  const parts = text.split(NEXT_TAG);
  if (parts.length === 1) return [first];
  const tags = parts.map(parseOne);
  return tags.every((t) => t !== null) ? (tags as TagValue[]) : [first];
}
