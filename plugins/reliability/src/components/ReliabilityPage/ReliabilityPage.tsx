import {
  Content,
  ContentHeader,
  Progress,
  SupportButton,
  TabbedLayout,
} from '@backstage/core-components';
import { useEffect, useState } from 'react';
import {
  ArchitectureTourTab,
  GlossaryTab,
  GroupSummariesTab,
  ServicesTab,
} from '../overview';
import { CampaignsTabContent } from '../campaigns';
import { TrendsTabContent } from '../trends';
import { AlertsCoverageTab } from '../alerts';
import { PostmortemFollowUpTab } from '../incidents';

/** The org-wide reliability page at /reliability: services, roll-ups, the architecture tour and a glossary. */
export function ReliabilityPage() {
  // The tabs are drawn in an update of their own, after the page's first commit. The first render of this lazily
  // loaded page runs as React's retry after the chunk arrives, which is time-sliced and restarted by every other
  // update of the app: with the services tab in it (filters, table) it was restarted for minutes on a busy
  // machine and the page stayed on its loading bar. An update from an effect renders in one go.
  const [drawTabs, setDrawTabs] = useState(false);
  useEffect(() => setDrawTabs(true), []);
  return (
    <Content>
      <ContentHeader title="Service reliability">
        <SupportButton>
          Every service in the catalog with its owner, system and tier, and how
          it is kept reliable: SLOs, on-call, runbooks and its maturity score.
          New here? Start with the architecture tour.
        </SupportButton>
      </ContentHeader>
      {drawTabs ? (
        <TabbedLayout>
          <TabbedLayout.Route path="/" title="Services">
            <ServicesTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/summaries" title="Teams & systems">
            <GroupSummariesTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/monitoring" title="Monitoring">
            <AlertsCoverageTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/postmortems" title="Postmortems">
            <PostmortemFollowUpTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/campaigns" title="Campaigns">
            <CampaignsTabContent />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/trends" title="Trends">
            <TrendsTabContent />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/tour" title="Architecture tour">
            <ArchitectureTourTab />
          </TabbedLayout.Route>
          <TabbedLayout.Route path="/glossary" title="Glossary">
            <GlossaryTab />
          </TabbedLayout.Route>
        </TabbedLayout>
      ) : (
        <Progress />
      )}
    </Content>
  );
}
