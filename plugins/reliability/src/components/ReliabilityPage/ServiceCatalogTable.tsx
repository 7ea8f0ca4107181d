import {
  Table,
  TableColumn,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import { ANNOTATIONS } from '@internal/backstage-plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';

const columns: TableColumn<Entity>[] = [
  {
    title: 'Service',
    field: 'metadata.name',
    render: entity => <EntityRefLink entityRef={entity} />,
  },
  {
    title: 'Owner',
    render: entity =>
      entity.spec?.owner
        ? humanizeEntityRef(
            getCompoundEntityRef({
              kind: 'Group',
              metadata: { name: String(entity.spec.owner) },
              apiVersion: 'v1',
            } as Entity),
          )
        : '—',
  },
  { title: 'System', field: 'spec.system' },
  {
    title: 'Tier',
    render: entity => entity.metadata.annotations?.[ANNOTATIONS.tier] ?? '—',
  },
];

/** Services of the catalog (components) with owner, system and tier. */
export function ServiceCatalogTable() {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(
    () =>
      catalogApi.getEntities({
        filter: { kind: 'Component' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.owner',
          'spec.system',
        ],
      }),
    [catalogApi],
  );
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <Table
      title="Services"
      isLoading={loading}
      columns={columns}
      data={value?.items ?? []}
      options={{ paging: true, pageSize: 20, search: true }}
    />
  );
}
