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

/**
 * How long a run that finds nothing waits for the catalog before it accepts an empty result, as long as no run
 * has found documents yet: on a fresh database the first run starts (30 s after start) before the catalog has
 * ingested its locations. 5 tries a minute apart stay well inside the default 15-minute task timeout.
 */
const DEFAULT_EMPTY_RETRIES = 5;
const DEFAULT_EMPTY_RETRY_DELAY_MS = 60_000;

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
  /**
   * Until a run has found documents, how many more times a run that finds none reads again (the catalog may still
   * be loading); default 5.
   */
  emptyRetries?: number;
  /** Wait before each of those reads; default one minute. */
  emptyRetryDelayMs?: number;
  /** Waits (tests replace it). */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

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

  /** Whether a run of this process has found documents: then an empty result is taken as it is. */
  private found = false;

  constructor(private readonly options: ReliabilityCollatorFactoryOptions) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.execute());
  }

  /**
   * One run. Until a run has found documents, a run whose pages hold none (a fresh database whose catalog has
   * not loaded yet) waits and reads again a few times, so the first index is not built from an empty catalog
   * and left empty until the next scheduled run. Nothing is yielded before a document is found, so reading
   * again never duplicates documents.
   */
  private async *execute(): AsyncGenerator<IndexableReliabilityDocument> {
    const retries = this.options.emptyRetries ?? DEFAULT_EMPTY_RETRIES;
    const delayMs =
      this.options.emptyRetryDelayMs ?? DEFAULT_EMPTY_RETRY_DELAY_MS;
    const sleep = this.options.sleep ?? wait;
    for (let attempt = 0; ; attempt++) {
      let documents = 0;
      for await (const document of this.readAll()) {
        documents += 1;
        yield document;
      }
      if (documents > 0) {
        this.found = true;
        return;
      }
      if (this.found || attempt >= retries) return;
      this.options.logger.info(
        `No reliability search documents yet (the catalog may still be loading); reading again in ${Math.round(
          delayMs / 1000,
        )} s`,
      );
      await sleep(delayMs);
    }
  }

  private async *readAll(): AsyncGenerator<IndexableReliabilityDocument> {
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
