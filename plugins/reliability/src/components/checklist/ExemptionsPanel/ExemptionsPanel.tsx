import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Checklist,
  ReliabilityApi,
} from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { reliabilityApiRef } from '../../../api';
import { useEntityReliability } from '../../../hooks';
import { ExemptionAction, ExemptionRow } from './ExemptionRow';
import {
  ExemptionRequestDraft,
  RequestExemptionForm,
} from './RequestExemptionForm';

/**
 * Exemptions of the current entity's checklist items: the open ones and their history, a request form for its
 * owners, and approve / reject / revoke for reliability admins. An exempted item counts neither as passed nor as
 * failed until the exemption ends. `onChanged` runs after every write (to reload the score).
 */
export function ExemptionsPanel(props: {
  checklist: Checklist;
  onChanged?: () => void;
  /** "Today", for the request form's date limits (tests pin it). */
  now?: Date;
}) {
  const { checklist, onChanged, now = new Date() } = props;
  const alertApi = useApi(alertApiRef);
  const api = useApi(reliabilityApiRef);
  const entityRef = getCompoundEntityRef(useEntity().entity);
  const [busy, setBusy] = useState(false);
  const { value, error, retry } = useEntityReliability((client, ref) =>
    client.getEntityExemptions(ref),
  );

  const run = async (
    what: string,
    action: (client: ReliabilityApi) => Promise<unknown>,
  ) => {
    setBusy(true);
    try {
      await action(api);
      alertApi.post({
        message: what,
        severity: 'success',
        display: 'transient',
      });
      retry();
      onChanged?.();
    } catch (e) {
      alertApi.post({
        message: `${what} failed: ${(e as Error).message}`,
        severity: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  const request = (draft: ExemptionRequestDraft) =>
    run('Exemption requested', client =>
      client.requestExemption(entityRef, draft),
    );
  const act = (itemId: string, action: ExemptionAction) => {
    if (action.kind === 'revoke') {
      return run('Exemption revoked', client =>
        client.revokeExemption(entityRef, itemId, { reason: action.reason }),
      );
    }
    const comment = action.comment.trim();
    return run(
      action.kind === 'approve' ? 'Exemption approved' : 'Exemption rejected',
      client =>
        client.decideExemption(entityRef, itemId, {
          decision: action.kind,
          ...(comment ? { comment } : {}),
        }),
    );
  };

  const content = () => {
    if (error) return <ResponseErrorPanel error={error} />;
    if (!value) return <Progress />;
    const titles = new Map(checklist.items.map(i => [i.id, i.title]));
    const open = value.exemptions.filter(
      e => e.status === 'pending' || e.status === 'active',
    );
    const closed = value.exemptions.filter(e => !open.includes(e));
    const row = (exemption: (typeof value.exemptions)[number]) => (
      <ExemptionRow
        key={exemption.id}
        exemption={exemption}
        itemTitle={titles.get(exemption.itemId) ?? exemption.itemId}
        canDecide={value.canDecide}
        busy={busy}
        onAction={action => act(exemption.itemId, action)}
      />
    );
    return (
      <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
        <Typography variant="body2" color="textSecondary">
          An exempted item counts neither as passed nor as failed (it does not
          block its level) until the exemption ends; then it counts again.
        </Typography>
        {open.length === 0 ? (
          <Typography variant="body2">
            No active or pending exemptions.
          </Typography>
        ) : (
          <Box aria-label="Open exemptions" role="list">
            {open.map(row)}
          </Box>
        )}
        {value.canRequest && (
          <RequestExemptionForm
            checklist={checklist}
            openItems={new Set(open.map(e => e.itemId))}
            autoApprovedItems={value.autoApprovedItems}
            maxDurationDays={value.maxDurationDays}
            today={now}
            busy={busy}
            onSubmit={request}
          />
        )}
        {closed.length > 0 && (
          <Box>
            <Typography variant="subtitle2">History</Typography>
            <Box aria-label="Past exemptions" role="list">
              {closed.map(row)}
            </Box>
          </Box>
        )}
      </Box>
    );
  };

  return <InfoCard title="Exemptions">{content()}</InfoCard>;
}
