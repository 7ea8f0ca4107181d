import { FENCE } from './codeFences';

/** A GFM table's delimiter row: `| --- | :-: |`, with or without the outer pipes. */
const DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** An inline code span of single backticks. */
const CODE_SPAN = /(^|[^`\\])`([^`\n]+)`(?!`)/g;

/**
 * Splits each inline code span of a Markdown table's rows at its spaces into one code span a word
 * (`` `kubectl -n orders delete pod` `` becomes `` `kubectl` `-n` `orders` `delete` `pod` ``), so that with code
 * kept on one line (white-space: nowrap, see RunbookMarkdown) a long command in a narrow column wraps between its
 * words and never inside one ("fraud-check.score" at its hyphen, "payments.authori ze"). The text reads and copies
 * the same; fenced code blocks and everything outside tables stay as written.
 */
export function splitTableCodeAtSpaces(markdown: string): string {
  const lines = markdown.split('\n');
  const inFence: boolean[] = [];
  let open: { char: string; length: number } | null = null;
  for (const line of lines) {
    const match = FENCE.exec(line);
    if (open) {
      inFence.push(true);
      if (
        match &&
        match[2][0] === open.char &&
        match[2].length >= open.length &&
        match[3].trim() === ''
      ) {
        open = null;
      }
    } else if (match && !(match[2][0] === '`' && match[3].includes('`'))) {
      inFence.push(true);
      open = { char: match[2][0], length: match[2].length };
    } else {
      inFence.push(false);
    }
  }
  const isRow = (i: number) =>
    i >= 0 && i < lines.length && !inFence[i] && lines[i].includes('|');
  const inTable = lines.map(() => false);
  lines.forEach((line, i) => {
    if (inFence[i] || !DELIMITER_ROW.test(line) || !isRow(i - 1)) return;
    inTable[i - 1] = true;
    for (let row = i + 1; isRow(row) && lines[row].trim() !== ''; row++) {
      inTable[row] = true;
    }
  });
  return lines
    .map((line, i) =>
      inTable[i]
        ? line.replace(CODE_SPAN, (span, before: string, code: string) => {
            const words = code.trim().split(/\s+/).filter(Boolean);
            return words.length > 1
              ? `${before}${words.map(word => `\`${word}\``).join(' ')}`
              : span;
          })
        : line,
    )
    .join('\n');
}
