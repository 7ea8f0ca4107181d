/* The two chart components, loaded together behind one lazy boundary (see lazyCharts.tsx). */
export { SloBurndownChart } from './SloBurndownChart';
export { SloBurnRateChart } from './SloBurnRateChart';
