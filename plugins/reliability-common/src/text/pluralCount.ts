/**
 * A count with its noun, singular for exactly one: `pluralCount(1, 'SLO')` is "1 SLO",
 * `pluralCount(3, 'person', 'people')` is "3 people". English only, like every text the plugin writes.
 *
 * @public
 */
export function pluralCount(
  count: number,
  word: string,
  words = `${word}s`,
): string {
  return `${count} ${count === 1 ? word : words}`;
}
