import uCharts from '@qiun/ucharts';
import { View } from '@tarojs/components';
import { ChartCanvas } from './chart-canvas';
import type { ChartData } from './desk-view';

const COLORS = ['#c8161d', '#1890ff', '#fac858', '#91cb74', '#73c0de'];

/**
 * A bar (column) or line chart, drawn by uCharts on a 2d canvas (weapp and h5; the choice and its figures:
 * README "Charts"). Redrawn when the data changes; nothing drawn without data.
 */
export function Chart(props: { id: string; type: 'column' | 'line'; data: ChartData; stacked?: boolean; height?: number; title: string }) {
  const { data, type, stacked } = props;
  const empty = data.categories.length === 0;
  return (
    <View className="desk-chart" data-testid={`chart-box-${props.id}`}>
      <View className="desk-chart-title">{props.title}</View>
      {empty ? (
        <View className="muted">暂无数据</View>
      ) : (
        <ChartCanvas
          id={props.id}
          height={props.height ?? 220}
          version={JSON.stringify(data)}
          draw={(c) => {
            new uCharts({
              type,
              context: c.context,
              canvas2d: true,
              width: c.width * c.pixelRatio,
              height: c.height * c.pixelRatio,
              pixelRatio: c.pixelRatio,
              animation: false,
              color: COLORS,
              fontSize: 11,
              categories: data.categories,
              series: data.series,
              legend: { show: data.series.length > 1 },
              xAxis: { disableGrid: true, rotateLabel: data.categories.length > 6 && type === 'column' },
              yAxis: { data: [{ min: 0 }] },
              extra: { column: { type: stacked ? 'stack' : 'group', width: 18 }, line: { type: 'straight' } },
            });
          }}
        />
      )}
    </View>
  );
}
