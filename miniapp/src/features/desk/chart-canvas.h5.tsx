import { useEffect, useRef } from 'react';

/** A 2d canvas ready to draw on: its size in CSS pixels, the backing store scaled by the device's pixel ratio. */
export interface Canvas2d {
  context: CanvasRenderingContext2D;
  width: number;
  height: number;
  pixelRatio: number;
}

export interface ChartCanvasProps {
  id: string;
  /** CSS pixels; the width is the container's. */
  height: number;
  /** Draws the chart; called again when `version` changes. */
  draw(c: Canvas2d): void;
  version: unknown;
}

export function ChartCanvas(props: ChartCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { draw, version } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn when the data (version) changes, not when the callback is re-created
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const rect = canvas.getBoundingClientRect();
    const pixelRatio = window.devicePixelRatio || 1;
    canvas.width = Math.round(rect.width * pixelRatio);
    canvas.height = Math.round(rect.height * pixelRatio);
    draw({ context, width: rect.width, height: rect.height, pixelRatio });
  }, [version]);
  return (
    <canvas
      ref={ref}
      id={props.id}
      data-testid={`chart-${props.id}`}
      style={{ width: '100%', height: `${props.height}px`, display: 'block' }}
    />
  );
}
