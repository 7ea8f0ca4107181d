/** Most words of a symptom searched one by one. */
export const MAX_SYMPTOM_TERMS = 8;

/** Words that say nothing about which runbook helps. */
const STOP_WORDS = new Set([
  'and',
  'are',
  'but',
  'can',
  'for',
  'from',
  'has',
  'have',
  'how',
  'into',
  'not',
  'now',
  'our',
  'the',
  'there',
  'this',
  'was',
  'what',
  'when',
  'why',
  'with',
]);

/**
 * The words of an alert name or a symptom worth searching on their own: lower case, split on anything that is
 * not a letter or a digit, without short and filler words, each once, at most {@link MAX_SYMPTOM_TERMS}.
 */
export function symptomTerms(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(word => word.length >= 3 && !STOP_WORDS.has(word));
  return [...new Set(words)].slice(0, MAX_SYMPTOM_TERMS);
}
