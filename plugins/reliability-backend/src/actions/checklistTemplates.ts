import { ItemContribution } from '@internal/backstage-plugin-reliability-common';

/** A software template (examples/templates) that fixes a checklist item. */
export interface FixingTemplate {
  /** Template entity ref, e.g. `template:default/adopt-slos`. */
  templateRef: string;
  title: string;
}

const ADOPT_SLOS: FixingTemplate = {
  templateRef: 'template:default/adopt-slos',
  title: 'Adopt SLOs for a service',
};
const WRITE_POSTMORTEM: FixingTemplate = {
  templateRef: 'template:default/write-postmortem',
  title: 'Write a postmortem',
};

/**
 * The template that fixes a failing checklist item, if any: automatic items by their check (stable whatever the
 * checklist), self-assessed items by the id they have in the default checklist.
 */
export function fixingTemplate(
  item: Pick<ItemContribution, 'itemId' | 'kind'> & { check?: string },
): FixingTemplate | null {
  if (item.kind === 'automatic') {
    return item.check === 'slo-defined' ? ADOPT_SLOS : null;
  }
  return item.itemId === 'postmortems' ? WRITE_POSTMORTEM : null;
}
