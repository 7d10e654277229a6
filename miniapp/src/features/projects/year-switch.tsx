import { Button, View } from '@tarojs/components';

/** The year in China (UTC+8), which is the year a plan, a claim and a 实事 count in. */
export const chinaYear = (): number => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** Chooses the year of the 实事 shown (last year's results in January, next year's plan in December). */
export function YearSwitch(props: { years: number[]; value: number; onChange: (year: number) => void }) {
  return (
    <View className="pj-years" data-testid="year-switch">
      {props.years.map((y) => (
        <Button
          key={y}
          size="mini"
          className={y === props.value ? 'btn-primary' : 'btn-plain'}
          data-testid={`year-${y}`}
          onClick={() => props.onChange(y)}
        >
          {y}年
        </Button>
      ))}
    </View>
  );
}
