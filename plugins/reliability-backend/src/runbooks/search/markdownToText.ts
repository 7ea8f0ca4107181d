/** Longest text kept per document; runbooks are far shorter, this only bounds the index. */
export const MAX_TEXT_LENGTH = 20_000;

/**
 * Reduces Markdown to the plain text a search engine should index: link and image texts without their
 * URLs, code without fences or backticks (commands are worth finding), no HTML tags, heading, quote, list or
 * table markers, emphasis or front matter; whitespace collapsed and the result cut at `maxLength`.
 * Not a Markdown parser: a reasonable approximation for search text. Every pattern stays within one line and
 * scans a bounded distance from where it starts, so the cost is linear in the length of the text.
 */
export function markdownToText(
  markdown: string,
  maxLength: number = MAX_TEXT_LENGTH,
): string {
  const text = markdown
    // markup only shrinks the text: twice the limit is plenty
    .slice(0, maxLength * 2)
    .replace(/\r\n?/g, '\n')
    // front matter
    .replace(/^---\n[\s\S]*?\n---(\n|$)/, '')
    // code fences (keep the code)
    .replace(/^[ \t]*(```|~~~).*$/gm, '')
    // images and links: keep their text
    .replace(/!\[([^\]\n]{0,300})\]\([^)\n]{0,1000}\)/g, '$1')
    .replace(/\[([^\]\n]{0,300})\]\([^)\n]{0,1000}\)/g, '$1')
    .replace(/\[([^\]\n]{0,300})\]\[[^\]\n]{0,300}\]/g, '$1')
    .replace(/^[ \t]*\[[^\]\n]+\]:[ \t]*\S.*$/gm, '')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    // HTML comments and tags
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[A-Za-z][^>\n]{0,300}>/g, ' ')
    // headings, block quotes, horizontal rules, table separators, list markers
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]*(>[ \t]?)+/gm, '')
    .replace(/^[ \t]*([-*_][ \t]*){3,}$/gm, '')
    .replace(
      /^[ \t]*(\|[ \t]*)?(:?-+:?[ \t]*\|[ \t]*)*:?-+:?[ \t]*(\|[ \t]*)?$/gm,
      '',
    )
    .replace(/^[ \t]*([-*+]|\d+[.)])[ \t]+(\[[ xX]\][ \t]+)?/gm, '')
    .replace(/\|/g, ' ')
    // emphasis, strike-through and inline code markers
    .replace(/(\*\*|__|~~)(?=\S)([^\n]{0,300}?\S)\1/g, '$2')
    .replace(
      /(^|[^\w*])[*_](?=\S)([^*_\n]{0,300}?\S)[*_](?=[^\w*]|$)/gm,
      '$1$2',
    )
    .replace(/`+/g, '')
    // whitespace: one space between words, one newline between lines
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return text.length > maxLength ? text.slice(0, maxLength).trimEnd() : text;
}
