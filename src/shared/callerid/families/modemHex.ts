import { fromHex, toHex } from '../framing/bytes';
import type { CallerIdRecord } from '../records/tokens';
import { checksumOk, decodeMessage, isMessageType } from './xdmfMessage';

// A modem in unformatted mode (AT#CID=2 / AT+VCID=2) prints the SDMF/MDMF message as one line of
// ASCII hex (docs/callerid.md "SDMF/MDMF messages"). Published examples lack the checksum byte
// or carry wrong lengths (P14), hence the rule: len+3 bytes → verify the sum; len+2 → accept, flag checksumMissing;
// otherwise reject.

export type HexLineResult =
  | { kind: 'callerId'; record: CallerIdRecord }
  | { kind: 'messageWaiting'; active: boolean; frameHex: string }
  | { kind: 'malformed'; reason: 'checksumMismatch' | 'lengthMismatch'; frameHex: string };

/** null when the line is not a hex message at all. */
export function parseHexLine(text: string): HexLineResult | null {
  const hex = text.trim();
  if (hex.length < 6) return null;
  const bytes = fromHex(hex);
  if (!bytes || !isMessageType(bytes[0]!)) return null;
  const bodyLen = bytes[1]!;
  const frameHex = toHex(bytes);
  // A short line of digits that merely starts like a message is a bare number (the ELINK 301 ISDN modem prints bare digits);
  // every real message is at least 10 bytes, and a longer line with a wrong length is malformed
  // (the 3Com manual's 801E… example carries 36 body bytes).
  if (bodyLen < 3 || (bytes.length < 10 && Math.abs(bytes.length - (bodyLen + 3)) > 2)) return null;
  const withSum = bytes.length === bodyLen + 3;
  if (!withSum && bytes.length !== bodyLen + 2) return { kind: 'malformed', reason: 'lengthMismatch', frameHex };
  if (withSum && !checksumOk(bytes, 0, bytes.length)) return { kind: 'malformed', reason: 'checksumMismatch', frameHex };
  const body = bytes.subarray(2, 2 + bodyLen);
  const decoded = decodeMessage(bytes[0]!, body, frameHex, withSum ? [] : ['checksumMissing']);
  if (!decoded) return { kind: 'malformed', reason: 'lengthMismatch', frameHex };
  if (decoded.kind === 'messageWaiting') return { ...decoded, frameHex };
  return decoded;
}
