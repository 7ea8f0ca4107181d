import { Link } from '@backstage/core-components';
import { useMonitoringTabPath } from './useMonitoringTabPath';

/**
 * "Background work on the Monitoring tab", linked where the Reliability page is part of the app. Its own module,
 * so an entity card that links there does not download the Background work card's code.
 */
export function MonitoringTabLink() {
  const path = useMonitoringTabPath();
  const text = 'Background work on the Monitoring tab';
  return path ? <Link to={path}>{text}</Link> : <>{text}</>;
}
