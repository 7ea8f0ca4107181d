import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import {
  RELIABILITY_SEARCH_TYPE,
  ReliabilitySearchDocument,
} from '@internal/backstage-plugin-reliability-common';
import { Readable } from 'node:stream';
import { parseDocumentsPage } from './documentsPage';

/** Time limit of one page request (the backend reads the runbooks of a page of entities). */
const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

/** A reliability search document as indexed: only readers of its entity find it. @public */
export type IndexableReliabilityDocument = ReliabilitySearchDocument &
  IndexableDocument & { authorization: { resourceRef: string } };

/** Options of the {@link ReliabilityCollatorFactory}. @public */
export interface ReliabilityCollatorFactoryOptions {
  discovery: DiscoveryService;
  auth: AuthService;
  logger: LoggerService;
  /** Catalog entities per request to the reliability backend. */
  batchSize: number;
  /** Time limit of one request; default two minutes. */
  requestTimeoutMs?: number;
}

/**
 * Collates the runbooks (every kind: runbooks, rollback procedures, postmortems, pre-mortems) and SLOs of the
 * catalog for search, page by page from the reliability backend's `GET /search/documents`, called with this
 * plugin's service token. Each document carries its entity as `authorization.resourceRef` and the type's
 * visibility permission is `catalog.entity.read`, so the search backend only returns documents of entities
 * the searching user may read.
 *
 * @public
 */
export class ReliabilityCollatorFactory implements DocumentCollatorFactory {
  readonly type = RELIABILITY_SEARCH_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  constructor(private readonly options: ReliabilityCollatorFactoryOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  private async *execute(): AsyncGenerator<IndexableReliabilityDocument> {
    const baseUrl = await this.options.discovery.getBaseUrl('reliability');
    let cursor: string | null = null;
    let pages = 0;
    let documents = 0;
    do {
      const page = await this.readPage(baseUrl, cursor);
      if (page.nextCursor !== null && page.nextCursor === cursor) {
        throw new Error(
          'Reliability search documents: the backend returned the same cursor again',
        );
      }
      pages += 1;
      documents += page.documents.length;
      for (const document of page.documents) {
        yield {
          ...document,
          authorization: { resourceRef: document.entityRef },
        };
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    this.options.logger.info(
      `Collated ${documents} reliability search documents from ${pages} pages`,
    );
  }

  private async readPage(baseUrl: string, cursor: string | null) {
    const { auth } = this.options;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'reliability',
    });
    const query = new URLSearchParams({
      limit: String(this.options.batchSize),
    });
    if (cursor !== null) {
      query.set('cursor', cursor);
    }
    const response = await fetch(`${baseUrl}/search/documents?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(
        this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      ),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return parseDocumentsPage(await response.json());
  }
}
