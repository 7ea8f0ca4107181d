import { MarkdownContent } from '@backstage/core-components';
import { safeLinkUrlOrEmpty } from '@internal/backstage-plugin-reliability-common';
import { normaliseCodeFences } from './codeFences';

/**
 * Renders a runbook's Markdown (GitHub-flavoured). Safety comes from two layers:
 * MarkdownContent sanitises raw HTML with rehype-sanitize (GitHub's schema: no `<script>`, no `on*` handlers,
 * no `style`), and every link and image URL passes through {@link safeLinkUrlOrEmpty}, which keeps only http(s)
 * and relative URLs; anything else (`javascript:`, `data:`, `vbscript:`, ...) becomes plain text.
 * Every fenced code block (```` ``` ```` or `~~~`, with or without a language) renders as a code snippet
 * (see {@link normaliseCodeFences}).
 */
export function RunbookMarkdown(props: { markdown: string }) {
  return (
    <MarkdownContent
      content={normaliseCodeFences(props.markdown)}
      dialect="gfm"
      linkTarget="_blank"
      transformLinkUri={safeLinkUrlOrEmpty}
      transformImageUri={safeLinkUrlOrEmpty}
    />
  );
}
