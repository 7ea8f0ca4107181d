import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { isRunbookStale } from '@internal/backstage-plugin-reliability-common';
import { DocumentAllowRule } from '../../shared/entityDocuments';
import { RunbookIdAllocator } from '../runbookIds';
import { runbooksFromLinks } from './linkRunbooks';
import { MarkdownRunbookReader } from './markdownRunbooks';
import { LoadedRunbook } from './types';

/**
 * Gathers all runbooks of an entity from every source (runbook links, TechDocs links, Markdown files), gives each
 * a unique id and marks stale ones. Markdown first, so ids from front matter and file names win over link titles.
 */
export class RunbookCollector {
  private readonly markdown: MarkdownRunbookReader;

  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      staleAfterDays: number;
      appBaseUrl?: string;
      /** `reliability.documents.allow`: places beyond each entity's source location runbooks may be read from. */
      documentAllow?: DocumentAllowRule[];
    },
  ) {
    this.markdown = new MarkdownRunbookReader({
      urlReader: options.urlReader,
      allow: options.documentAllow,
    });
  }

  async collect(entity: Entity, now: Date): Promise<LoadedRunbook[]> {
    const drafts = [
      ...(await this.markdown.read(entity)),
      ...runbooksFromLinks(entity, { appBaseUrl: this.options.appBaseUrl }),
    ];
    const ids = new RunbookIdAllocator();
    return drafts.map(draft => ({
      entry: {
        ...draft.entry,
        id: ids.allocate(draft.preferredId),
        stale: isRunbookStale(
          draft.entry.lastReviewed,
          now,
          this.options.staleAfterDays,
        ),
      },
      body: draft.body,
      ...(draft.details ? { details: draft.details } : {}),
    }));
  }
}
