import { useEntity } from '@backstage/plugin-catalog-react';
import { SloReviewReport } from '../SloReviewReport';
import { sloReviewScope } from '../sloReviewScope';

/**
 * The SLO review report of the current entity: a Group's SLOs (what it owns) or a System's (its parts). Renders
 * nothing on other kinds.
 */
export function EntitySloReviewCard() {
  const { entity } = useEntity();
  const scope = sloReviewScope(entity);
  return scope ? <SloReviewReport scope={scope} /> : null;
}
