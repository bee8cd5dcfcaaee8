import { z } from 'zod';

// R-KEYS: who signed for a key. Staff sign with their PIN on the station (checked by the command
// before the save: the event names whom the PIN belonged to); a resident draws on the screen, kept
// in the event as a small PNG, so every station shows the same signature as the paper register.

/**
 * The largest drawn signature kept: a data URL of at most 48,000 characters leaves the rest of a
 * key event far inside the protocol's 64 KiB payload limit. The pad downscales before this.
 */
export const MAX_DRAWN_SIGNATURE_CHARS = 48_000;
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

export const signatureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pin'), staffId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('drawn'), png: z.string().max(MAX_DRAWN_SIGNATURE_CHARS).regex(PNG_DATA_URL) }),
]);
export type Signature = z.output<typeof signatureSchema>;

/** Why a drawn signature cannot be kept: nothing drawn, or too detailed even downscaled. */
export function drawnSignatureProblem(png: string | null): 'signatureMissing' | 'signatureTooLarge' | null {
  if (!png || !PNG_DATA_URL.test(png)) return 'signatureMissing';
  return png.length > MAX_DRAWN_SIGNATURE_CHARS ? 'signatureTooLarge' : null;
}
