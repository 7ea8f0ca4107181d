import { Link } from '@backstage/core-components';
import { useReliabilityPagePath } from '../../hooks';

/**
 * "Background work on the Monitoring tab", linked where the Reliability page is part of the app. Its own module,
 * so an entity card that links there does not download the Background work card's code.
 */
export function MonitoringTabLink() {
  const root = useReliabilityPagePath();
  const path = root && `${root}/monitoring`;
  const text = 'Background work on the Monitoring tab';
  return path ? <Link to={path}>{text}</Link> : <>{text}</>;
}
