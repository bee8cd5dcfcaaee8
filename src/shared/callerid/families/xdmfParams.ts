import { latin1 } from '../framing/bytes';
import type { MdmfParam } from '../events';

// MDMF parameters (docs/callerid.md "SDMF/MDMF messages"). Walk type/length/value; never scan for
// characters: a type byte such as 08 (why the name is absent) is not a backspace (P23).

export interface RawParam {
  type: number;
  value: Uint8Array;
}

export const KNOWN_PARAMS = new Set([0x01, 0x02, 0x03, 0x04, 0x06, 0x07, 0x08, 0x09, 0x0b, 0x11, 0x15, 0x16, 0x1a]);

/**
 * The TLVs of `body`, or null when they do not fill it exactly. With `allowTrailingByte` one
 * leftover byte is ignored: modem MESG payloads print without their checksum, except some that
 * keep it (docs/callerid.md "Modem lines").
 */
export function walkParams(body: Uint8Array, allowTrailingByte = false): RawParam[] | null {
  const params: RawParam[] = [];
  let i = 0;
  while (i + 2 <= body.length) {
    const type = body[i]!;
    const len = body[i + 1]!;
    if (len === 0 || i + 2 + len > body.length) break;
    params.push({ type, value: body.subarray(i + 2, i + 2 + len) });
    i += 2 + len;
  }
  const left = body.length - i;
  return left === 0 || (allowTrailingByte && left === 1) ? params : null;
}

export function paramText(params: RawParam[], type: number): string | null {
  const p = params.find((x) => x.type === type);
  return p ? latin1(p.value) : null;
}

export function paramList(params: RawParam[]): MdmfParam[] {
  return params.map((p) => ({ type: p.type, value: latin1(p.value) }));
}
