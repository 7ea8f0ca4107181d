/** Info strings runbooks use for shell commands, as the highlighter names them. */
const LANGUAGE_ALIASES: Record<string, string> = {
  sh: 'bash',
  zsh: 'bash',
  console: 'shell',
  'shell-session': 'shell',
  shellsession: 'shell',
  text: 'plaintext',
  txt: 'plaintext',
};

/** The language of a fence without one: shown as a code block, not highlighted. */
const PLAIN = 'plaintext';

/** An opening (or closing) fence: indentation (list items indent theirs), the fence, the info string. */
export const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;

/**
 * Gives every fenced code block of a Markdown document a language the highlighter knows, so Backstage's
 * MarkdownContent renders each one as a code snippet: a fence without a language gets `plaintext` (otherwise it
 * is left as bare `<pre><code>` text) and shell aliases (`sh`, `zsh`, `console`) get the highlighter's name for
 * them. Only opening fences change; the code inside a block, and fences quoted inside it, stay as written.
 */
export function normaliseCodeFences(markdown: string): string {
  let open: { char: string; length: number } | null = null;
  return markdown
    .split('\n')
    .map(line => {
      const match = FENCE.exec(line);
      if (!match) return line;
      const [, indent, fence, rest] = match;
      if (open) {
        if (
          fence[0] === open.char &&
          fence.length >= open.length &&
          rest.trim() === ''
        ) {
          open = null;
        }
        return line;
      }
      // A backtick fence's info string cannot contain a backtick (that is inline code, not a fence).
      if (fence[0] === '`' && rest.includes('`')) return line;
      open = { char: fence[0], length: fence.length };
      const [info = '', ...more] = rest.trim().split(/\s+/);
      const language = info
        ? LANGUAGE_ALIASES[info.toLowerCase()] ?? info
        : PLAIN;
      return `${indent}${fence}${[language, ...more].join(' ')}`;
    })
    .join('\n');
}
