import { latin1 } from '../framing/bytes';
import { splitDateTime } from '../records/deviceClock';
import type { CallFlag } from '../events';
import { callerIdRecord } from '../records/record';
import type { CallerIdRecord } from '../records/tokens';
import { KNOWN_PARAMS, paramList, paramText, walkParams } from './xdmfParams';

// SDMF/MDMF messages (Bellcore GR-30, ETSI EN 300 659-3; docs/callerid.md "SDMF/MDMF messages"):
// type(1) len(1) body(len) checksum(1), the whole message summing to 0 mod 256; shared by the
// modem's ASCII-hex lines and the binary devices.

export const SDMF_CALL = 0x04;
export const MDMF_CALL = 0x80;
export const SDMF_MWI = 0x06;
export const MDMF_MWI = 0x82;

export function isMessageType(b: number): boolean {
  return b === SDMF_CALL || b === MDMF_CALL || b === SDMF_MWI || b === MDMF_MWI;
}

/** The whole message, checksum included, sums to 0 mod 256. */
export function checksumOk(bytes: Uint8Array, start: number, end: number): boolean {
  let sum = 0;
  for (let i = start; i < end; i++) sum += bytes[i]!;
  return (sum & 0xff) === 0;
}

/** Could `body` be a message of this type? Used to tell a damaged frame from line noise. */
export function plausibleBody(type: number, body: Uint8Array): boolean {
  if (type === SDMF_MWI) return body.length === 3;
  if (type === SDMF_CALL) {
    if (body.length < 9) return false;
    for (let i = 0; i < 8; i++) if (body[i]! < 0x30 || body[i]! > 0x39) return false;
    return body.subarray(8).every((b) => b >= 0x20 && b < 0x7f);
  }
  const params = walkParams(body);
  return params !== null && params.length > 0 && params.every((p) => KNOWN_PARAMS.has(p.type));
}

export type DecodedMessage =
  | { kind: 'callerId'; record: CallerIdRecord }
  | { kind: 'messageWaiting'; active: boolean };

function sdmfCall(body: Uint8Array, frameHex: string, flags: CallFlag[]): DecodedMessage {
  return {
    kind: 'callerId',
    record: callerIdRecord({
      ...splitDateTime(latin1(body, 0, 8)),
      numberRaw: latin1(body, 8),
      nameRaw: null,
      flags,
      raw: frameHex,
      frameHex,
      // SDMF is the Bellcore single format of North American lines.
      regionHint: 'NANP',
    }),
  };
}

function mdmfCall(body: Uint8Array, frameHex: string, flags: CallFlag[]): DecodedMessage | null {
  const params = walkParams(body);
  if (!params) return null;
  const has = (t: number): boolean => params.some((p) => p.type === t);
  // P22: parameter 0x03 (DN) carries the caller on some Canadian lines; 0x04 is the reason code.
  const numberRaw = paramText(params, 0x02) ?? paramText(params, 0x03) ?? paramText(params, 0x04);
  const longDistance = paramText(params, 0x06)?.toUpperCase() === 'L';
  const calledNumber = paramText(params, 0x09);
  const redirectingNumber = paramText(params, 0x1a);
  const date = paramText(params, 0x01);
  return {
    kind: 'callerId',
    record: callerIdRecord({
      ...(date ? splitDateTime(date) : {}),
      numberRaw,
      nameRaw: paramText(params, 0x07) ?? paramText(params, 0x08),
      flags: longDistance ? [...flags, 'longDistance'] : flags,
      raw: frameHex,
      frameHex,
      mdmfParams: paramList(params),
      ...(calledNumber ? { calledNumber } : {}),
      ...(redirectingNumber ? { redirectingNumber } : {}),
      // Call type 0x11 is BT SIN 227; the name and qualifier parameters are Bellcore's.
      regionHint: has(0x11) ? 'GB' : has(0x07) || has(0x06) ? 'NANP' : null,
    }),
  };
}

/** Decodes a message whose length (and checksum, when present) were already checked. */
export function decodeMessage(type: number, body: Uint8Array, frameHex: string, flags: CallFlag[] = []): DecodedMessage | null {
  switch (type) {
    case SDMF_CALL:
      return body.length >= 9 ? sdmfCall(body, frameHex, flags) : null;
    case MDMF_CALL:
      return mdmfCall(body, frameHex, flags);
    case SDMF_MWI:
      // Asterisk: 42 42 42 = on, 6F 6F 6F = off.
      return body.length === 3 ? { kind: 'messageWaiting', active: body[0] === 0x42 } : null;
    case MDMF_MWI: {
      const params = walkParams(body);
      const vmwi = params?.find((p) => p.type === 0x0b);
      return vmwi ? { kind: 'messageWaiting', active: vmwi.value[0] !== 0x00 } : null;
    }
    default:
      return null;
  }
}
