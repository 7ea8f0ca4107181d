/** One requirement of an alert selector: a label equal (or not equal) to a value. @public */
export interface AlertSelectorTerm {
  label: string;
  op: '=' | '!=';
  value: string;
}

const TERM =
  /^\s*([A-Za-z_][A-Za-z0-9_.\-/]*)\s*(!=|=)\s*(?:"([^"]*)"|([^,"]*?))\s*$/;

/**
 * Parses an alert selector such as `team=payments,env!=staging` (values may be quoted: `service="a,b"`).
 * Throws an Error naming the bad term when it cannot be read.
 *
 * @public
 */
export function parseAlertSelector(text: string): AlertSelectorTerm[] {
  const terms: AlertSelectorTerm[] = [];
  const parts = text.match(/(?:[^,"]|"[^"]*")+/g) ?? [];
  for (const part of parts) {
    if (!part.trim()) continue;
    const m = TERM.exec(part);
    if (!m) {
      throw new Error(
        `'${part.trim()}' is not a selector term like label=value or label!=value`,
      );
    }
    terms.push({ label: m[1], op: m[2] as '=' | '!=', value: m[3] ?? m[4] });
  }
  if (!terms.some(t => t.op === '=')) {
    throw new Error(
      'an alert selector needs at least one label=value term (it would match every alert)',
    );
  }
  return terms;
}

/** True when the labels satisfy every term (a missing label equals the empty string). @public */
export function matchesAlertSelector(
  labels: Readonly<Record<string, string>>,
  terms: readonly AlertSelectorTerm[],
): boolean {
  return terms.every(term => {
    const value = labels[term.label] ?? '';
    return term.op === '=' ? value === term.value : value !== term.value;
  });
}
