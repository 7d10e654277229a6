import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { Canvas2d, ChartCanvasProps } from './chart-canvas.h5';

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
}

/** WeChat's <Canvas type="2d" id>: its node through a selector query once rendered, scaled by the pixel ratio. */
export function ChartCanvas(props: ChartCanvasProps) {
  const { id, draw, version } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: redrawn when the data (version) changes, not when the callback is re-created
  useEffect(() => {
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
          const found = res?.[0];
          if (!found?.node) return;
          const pixelRatio = Taro.getWindowInfo().pixelRatio || 1;
          found.node.width = Math.round(found.width * pixelRatio);
          found.node.height = Math.round(found.height * pixelRatio);
          const c: Canvas2d = { context: found.node.getContext('2d'), width: found.width, height: found.height, pixelRatio };
          draw(c);
        });
    });
  }, [version, id]);
  return <Canvas type="2d" id={id} style={{ width: '100%', height: `${props.height}px` }} />;
}
