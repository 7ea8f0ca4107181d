import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { EntitySlosResponse, SloHistoryResponse } from '../slo/api';
import { ReliabilityApi } from './ReliabilityApi';
import { EntityOnCall, GroupOnCall } from '../oncall';
import { EntityRunbookResponse, EntityRunbooksResponse } from '../runbooks/types';

/** The subset of Backstage's DiscoveryApi the client needs (isomorphic). @public */
export interface ReliabilityDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** The subset of Backstage's FetchApi the client needs (isomorphic). @public */
export interface ReliabilityFetch {
  fetch: typeof fetch;
}

/**
 * HTTP client for the reliability backend, usable from the browser (discoveryApi + fetchApi)
 * and from other backends.
 *
 * @public
 */
export class ReliabilityClient implements ReliabilityApi {
  private readonly discoveryApi: ReliabilityDiscovery;
  private readonly fetchApi: ReliabilityFetch;

  constructor(options: {
    discoveryApi: ReliabilityDiscovery;
    fetchApi?: ReliabilityFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: globalThis.fetch };
  }

  /** Path of an entity under the API, e.g. `/entities/component/default/orders`. */
  static entityPath(entityRef: {
    kind: string;
    namespace?: string;
    name: string;
  }): string {
    return `/entities/${encodeURIComponent(
      entityRef.kind.toLocaleLowerCase('en-US'),
    )}/${encodeURIComponent(
      (entityRef.namespace ?? 'default').toLocaleLowerCase('en-US'),
    )}/${encodeURIComponent(entityRef.name)}`;
  }

  async getEntityOnCall(entityRef: CompoundEntityRef): Promise<EntityOnCall> {
    return this.get<EntityOnCall>(
      `${ReliabilityClient.entityPath(entityRef)}/oncall`,
    );
  }

  async getGroupOnCall(groupRef: CompoundEntityRef): Promise<GroupOnCall> {
    return this.get<GroupOnCall>(
      `/groups/${encodeURIComponent(
        (groupRef.namespace ?? 'default').toLocaleLowerCase('en-US'),
      )}/${encodeURIComponent(groupRef.name)}/oncall`,
    );
  }

  async getEntityRunbooks(
    entityRef: CompoundEntityRef,
    options: { q?: string } = {},
  ): Promise<EntityRunbooksResponse> {
    const q = options.q?.trim();
    const query = q ? `?${new URLSearchParams({ q })}` : '';
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/runbooks${query}`,
    );
  }

  async getEntityRunbook(
    entityRef: CompoundEntityRef,
    id: string,
  ): Promise<EntityRunbookResponse> {
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/runbooks/${encodeURIComponent(
        id,
      )}`,
    );
  }

  async getEntitySlos(
    entityRef: CompoundEntityRef,
  ): Promise<EntitySlosResponse> {
    return this.get(`${ReliabilityClient.entityPath(entityRef)}/slos`);
  }

  async getSloHistory(
    entityRef: CompoundEntityRef,
    sloName: string,
    range: { from: Date; to: Date },
  ): Promise<SloHistoryResponse> {
    const query = new URLSearchParams({
      from: range.from.toISOString(),
      to: range.to.toISOString(),
    });
    return this.get(
      `${ReliabilityClient.entityPath(entityRef)}/slos/${encodeURIComponent(
        sloName,
      )}/history?${query}`,
    );
  }

  /** GET a JSON resource of the reliability backend. */
  protected async get<T>(path: string): Promise<T> {
    return this.request<T>(path, { method: 'GET' });
  }

  /** POST JSON to the reliability backend. */
  protected async post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** Raw text (e.g. CSV) from the reliability backend. */
  protected async getText(path: string): Promise<string> {
    const response = await this.fetchApi.fetch(await this.url(path));
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }

  private async url(path: string): Promise<string> {
    return `${await this.discoveryApi.getBaseUrl('reliability')}${path}`;
  }

  private async request<T>(path: string, init: RequestInit): Promise<T> {
    const response = await this.fetchApi.fetch(await this.url(path), init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
