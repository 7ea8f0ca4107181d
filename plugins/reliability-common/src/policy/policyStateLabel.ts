/**
 * A policy state name as a label: `no-data` -> "No data", `frozen` -> "Frozen", `ok` -> "OK" (as SLO states say
 * it). Used by the cards and by notifications.
 *
 * @public
 */
export function policyStateLabel(state: string): string {
  if (state === 'ok') return 'OK';
  const words = state.replace(/-/g, ' ');
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}
