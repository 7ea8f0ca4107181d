import { AutomaticCheckId, Checklist, ChecklistFixTemplate } from './types';

/**
 * The software template that fixes what an automatic check finds missing, as the checklist names it: the fix
 * template of the first item that check evaluates (a checklist replaced by the organisation may name another
 * template, or none). @public
 */
export function fixTemplateOfCheck(
  checklist: Pick<Checklist, 'items'>,
  check: AutomaticCheckId,
): ChecklistFixTemplate | undefined {
  return checklist.items.find(item => item.check === check && item.fixTemplate)
    ?.fixTemplate;
}
