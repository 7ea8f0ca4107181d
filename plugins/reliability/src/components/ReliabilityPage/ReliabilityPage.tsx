import { Content, ContentHeader, SupportButton } from '@backstage/core-components';
import { ServiceCatalogTable } from './ServiceCatalogTable';

/** The org-wide reliability page at /reliability. */
export function ReliabilityPage() {
  return (
    <Content>
      <ContentHeader title="Service reliability">
        <SupportButton>
          Every service in the catalog with its owner, system and tier, and how it is kept
          reliable: SLOs, on-call, runbooks and its maturity score.
        </SupportButton>
      </ContentHeader>
      <ServiceCatalogTable />
    </Content>
  );
}
