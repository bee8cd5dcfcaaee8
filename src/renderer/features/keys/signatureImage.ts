import { MAX_DRAWN_SIGNATURE_CHARS } from '@shared/keys/signature';

// R-KEYS: a drawn signature goes into the event as a small PNG. The pad's strokes are redrawn on
// a small canvas (ink only, no background), smaller again while the PNG is over the limit; one
// still over it is handed on as it is and refused with its own message (signatureTooLarge).

export type Stroke = { x: number; y: number }[];

/** The widths tried, largest first; the height keeps the pad's proportions. */
const WIDTHS = [360, 270, 200];
/** A signature is a few dozen strokes; more points than this are a scribble, not kept. */
export const MAX_POINTS = 4000;

export function strokesToPng(strokes: readonly Stroke[], size: { width: number; height: number }, document: Document = globalThis.document): string | null {
  if (!strokes.some((s) => s.length > 0)) return null;
  let png = '';
  for (const width of WIDTHS) {
    const scale = width / size.width;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = Math.max(1, Math.round(size.height * scale));
    const ink = canvas.getContext('2d');
    if (!ink) return null;
    ink.lineWidth = Math.max(1.5, 2.5 * scale);
    ink.lineCap = 'round';
    ink.lineJoin = 'round';
    ink.strokeStyle = '#111';
    for (const stroke of strokes) {
      ink.beginPath();
      stroke.forEach((p, i) => (i === 0 ? ink.moveTo(p.x * scale, p.y * scale) : ink.lineTo(p.x * scale, p.y * scale)));
      if (stroke.length === 1) ink.lineTo(stroke[0]!.x * scale + 0.5, stroke[0]!.y * scale);
      ink.stroke();
    }
    png = canvas.toDataURL('image/png');
    if (png.length <= MAX_DRAWN_SIGNATURE_CHARS) return png;
  }
  return png;
}
