import { lazy } from 'react';

/*
 * The charts pull the charting library (recharts and d3, about 100 KB gzip), so they load on their own
 * once a chart is shown; the rest of the SLOs tab shares the entity page's chunk with the SLO card.
 * Render them inside a `Suspense`.
 */
const charts = () => import('./charts');

export const SloBurndownChart = lazy(() =>
  charts().then(m => ({ default: m.SloBurndownChart })),
);

export const SloBurnRateChart = lazy(() =>
  charts().then(m => ({ default: m.SloBurnRateChart })),
);
