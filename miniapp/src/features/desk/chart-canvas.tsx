/**
 * A 2d canvas a chart draws on: chart-canvas.h5.tsx (a plain <canvas>: Taro's h5 <Canvas> resets its size after
 * the page is ready, wiping what was drawn) or chart-canvas.weapp.tsx (<Canvas type="2d"> through a selector query).
 */
export type { Canvas2d, ChartCanvasProps } from './chart-canvas.h5';
export { ChartCanvas } from './chart-canvas.h5';
