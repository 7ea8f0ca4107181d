import { MarkdownContent } from '@backstage/core-components';
import { safeLinkUrlOrEmpty } from '@internal/backstage-plugin-reliability-common';

/**
 * Renders a runbook's Markdown (GitHub-flavoured). Safety comes from two layers:
 * MarkdownContent sanitises raw HTML with rehype-sanitize (GitHub's schema: no `<script>`, no `on*` handlers,
 * no `style`), and every link and image URL passes through {@link safeLinkUrlOrEmpty}, which keeps only http(s)
 * and relative URLs; anything else (`javascript:`, `data:`, `vbscript:`, ...) becomes plain text.
 */
export function RunbookMarkdown(props: { markdown: string }) {
  return (
    <MarkdownContent
      content={props.markdown}
      dialect="gfm"
      linkTarget="_blank"
      transformLinkUri={safeLinkUrlOrEmpty}
      transformImageUri={safeLinkUrlOrEmpty}
    />
  );
}
