import useMediaQuery from '@material-ui/core/useMediaQuery';
import { useTheme } from '@material-ui/core/styles';
import { CSSProperties, ReactNode } from 'react';

/** Props for recharts' axes, grid, tooltip and legend, coloured from the MUI theme palette. */
export interface ChartTheme {
  /** Spread on `<XAxis>` / `<YAxis>`: tick labels and axis line. */
  axis: { stroke: string; tick: { fill: string } };
  /** Spread on `<CartesianGrid>`. */
  grid: { stroke: string };
  /** Spread on `<Tooltip>`: a paper-coloured box with the theme's text colour. */
  tooltip: {
    contentStyle: CSSProperties;
    labelStyle: CSSProperties;
    itemStyle: CSSProperties;
  };
  /** Spread on `<Legend>`: entries in the theme's text colour (the swatch keeps the series colour). */
  legend: { formatter: (value: string) => ReactNode };
  /** Series colours. */
  series: { primary: string; secondary: string; muted: string };
  /**
   * Spread on every series (`<Line>`, `<Bar>`, `<Area>`): drawn without recharts' animation when the user asked
   * their system for reduced motion (`prefers-reduced-motion: reduce`).
   */
  motion: { isAnimationActive: boolean };
}

/**
 * Colours for recharts from the current theme. recharts' defaults (grey #666 ticks, #ccc grid, a white
 * tooltip that inherits the page's text colour) are unreadable in the dark theme: every chart of the plugin
 * takes its colours from here instead.
 */
export function useChartTheme(): ChartTheme {
  const theme = useTheme();
  const text = theme.palette.text.primary;
  const secondaryText = theme.palette.text.secondary;
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  return {
    axis: { stroke: secondaryText, tick: { fill: secondaryText } },
    grid: { stroke: theme.palette.divider },
    tooltip: {
      contentStyle: {
        backgroundColor: theme.palette.background.paper,
        borderColor: theme.palette.divider,
        color: text,
      },
      labelStyle: { color: text },
      itemStyle: { color: text },
    },
    legend: {
      formatter: (value: string) => (
        <span style={{ color: text }}>{value}</span>
      ),
    },
    series: {
      primary: theme.palette.primary.main,
      secondary: theme.palette.secondary.main,
      muted: secondaryText,
    },
    motion: { isAnimationActive: !reducedMotion },
  };
}
