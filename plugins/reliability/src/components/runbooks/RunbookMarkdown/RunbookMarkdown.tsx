import { MarkdownContent } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import { safeLinkUrlOrEmpty } from '@internal/backstage-plugin-reliability-common';
import { normaliseCodeFences } from './codeFences';
import { splitTableCodeAtSpaces } from './tableCode';

const useStyles = makeStyles({
  // MarkdownContent breaks table cells anywhere (word-break: break-word), so a span name in a table read
  // "payments.authori ze": cells wrap between words only, code stays whole ("fraud-check.score" does not break at
  // its hyphen either; a command wraps between its words, see splitTableCodeAtSpaces), and a table too wide for
  // the card scrolls sideways instead of being cut off.
  markdown: {
    '& table': {
      display: 'block',
      width: 'max-content',
      maxWidth: '100%',
      overflowX: 'auto',
    },
    '& table td, & table th': {
      wordBreak: 'normal',
      overflowWrap: 'normal',
      hyphens: 'none',
    },
    '& table td code, & table th code': { whiteSpace: 'nowrap' },
  },
});

/**
 * Renders a runbook's Markdown (GitHub-flavoured). Safety comes from two layers:
 * MarkdownContent sanitises raw HTML with rehype-sanitize (GitHub's schema: no `<script>`, no `on*` handlers,
 * no `style`), and every link and image URL passes through {@link safeLinkUrlOrEmpty}, which keeps only http(s)
 * and relative URLs; anything else (`javascript:`, `data:`, `vbscript:`, ...) becomes plain text.
 * Every fenced code block (```` ``` ```` or `~~~`, with or without a language) renders as a code snippet
 * (see {@link normaliseCodeFences}). Tables wrap between words and keep code words whole, scrolling sideways when
 * wide.
 */
export function RunbookMarkdown(props: { markdown: string }) {
  const classes = useStyles();
  return (
    <MarkdownContent
      className={classes.markdown}
      content={splitTableCodeAtSpaces(normaliseCodeFences(props.markdown))}
      dialect="gfm"
      linkTarget="_blank"
      transformLinkUri={safeLinkUrlOrEmpty}
      transformImageUri={safeLinkUrlOrEmpty}
    />
  );
}
