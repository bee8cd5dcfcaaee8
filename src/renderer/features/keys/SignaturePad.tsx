import { useEffect, useRef } from 'react';
import { Box, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_POINTS, strokesToPng, type Stroke } from './signatureImage';

const WIDTH = 480;
const HEIGHT = 160;

/** R-KEYS: where a resident signs with a finger, stylus or mouse; hands the PNG on after each stroke (null when cleared). */
export function SignaturePad({ onChange }: { onChange(png: string | null): void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const drawing = useRef(false);

  useEffect(() => {
    const ink = canvas.current?.getContext('2d');
    if (!ink) return;
    ink.lineWidth = 2.5;
    ink.lineCap = 'round';
    ink.lineJoin = 'round';
    ink.strokeStyle = '#111';
  }, []);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * WIDTH) / box.width, y: ((event.clientY - box.top) * HEIGHT) / box.height };
  };
  const points = () => strokes.current.reduce((n, s) => n + s.length, 0);

  const down = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (points() >= MAX_POINTS) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    drawing.current = true;
    const p = point(event);
    strokes.current.push([p]);
    const ink = canvas.current?.getContext('2d');
    ink?.beginPath();
    ink?.moveTo(p.x, p.y);
  };
  const move = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current || points() >= MAX_POINTS) return;
    const p = point(event);
    strokes.current.at(-1)!.push(p);
    const ink = canvas.current?.getContext('2d');
    ink?.lineTo(p.x, p.y);
    ink?.stroke();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange(strokesToPng(strokes.current, { width: WIDTH, height: HEIGHT }));
  };
  const clear = () => {
    strokes.current = [];
    canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    onChange(null);
  };

  return (
    <Box>
      <Text size="sm" c="dimmed" mb={4}>{t('keys.signature.pad')}</Text>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        data-testid="signature-pad"
        aria-label={t('keys.signature.pad')}
        style={{ width: '100%', maxWidth: WIDTH, aspectRatio: `${WIDTH} / ${HEIGHT}`, border: '1px dashed var(--mantine-color-gray-5)', borderRadius: 4, touchAction: 'none', background: 'white', cursor: 'crosshair' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
      />
      <Group justify="flex-end" mt={4}>
        <Button size="xs" variant="default" onClick={clear}>{t('keys.signature.clear')}</Button>
      </Group>
    </Box>
  );
}
