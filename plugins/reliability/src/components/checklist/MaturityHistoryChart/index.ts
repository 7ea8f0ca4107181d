export { MaturityHistoryChart, historyPoints } from './MaturityHistoryChart';
