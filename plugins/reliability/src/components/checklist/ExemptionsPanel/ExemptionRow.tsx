import { MaturityExemption } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { EXEMPTION_STATUS_LABELS, exemptionSummary } from './exemptionFormat';

/** What an admin does to an exemption from its row. */
export type ExemptionAction =
  | { kind: 'approve' | 'reject'; comment: string }
  | { kind: 'revoke'; reason: string };

/**
 * One exemption: the item, its status, who asked and who granted it, the justification; for reliability admins,
 * approve / reject on a pending one and revoke on an active one.
 */
export function ExemptionRow(props: {
  exemption: MaturityExemption;
  itemTitle: string;
  canDecide: boolean;
  busy: boolean;
  onAction: (action: ExemptionAction) => void;
}) {
  const { exemption, itemTitle, canDecide, busy, onAction } = props;
  const [text, setText] = useState('');
  const pending = exemption.status === 'pending';
  const revocable = exemption.status === 'active' && !exemption.revokedBy;

  return (
    <Box
      role="listitem"
      data-testid={`exemption-${exemption.itemId}-${exemption.status}`}
      py={1}
      borderBottom={1}
      borderColor="divider"
    >
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="body1">{itemTitle}</Typography>
        <Chip
          size="small"
          label={EXEMPTION_STATUS_LABELS[exemption.status]}
          color={exemption.status === 'active' ? 'primary' : 'default'}
        />
      </Box>
      <Typography variant="body2" color="textSecondary">
        {exemptionSummary(exemption)}
      </Typography>
      <Typography variant="body2">“{exemption.justification}”</Typography>
      {exemption.decisionComment && (
        <Typography variant="body2" color="textSecondary">
          Decision: {exemption.decisionComment}
        </Typography>
      )}
      {exemption.revokeReason && (
        <Typography variant="body2" color="textSecondary">
          Revoked: {exemption.revokeReason}
        </Typography>
      )}
      {canDecide && (pending || revocable) && (
        <Box display="flex" alignItems="center" mt={1} style={{ gap: 8 }}>
          <TextField
            id={`exemption-${exemption.id}-text`}
            size="small"
            label={pending ? 'Comment (optional)' : 'Reason'}
            value={text}
            onChange={e => setText(e.target.value)}
            inputProps={{ maxLength: 2000 }}
          />
          {pending ? (
            <>
              <Button
                variant="contained"
                color="primary"
                disabled={busy}
                onClick={() => onAction({ kind: 'approve', comment: text })}
              >
                Approve
              </Button>
              <Button
                variant="outlined"
                disabled={busy}
                onClick={() => onAction({ kind: 'reject', comment: text })}
              >
                Reject
              </Button>
            </>
          ) : (
            <Button
              variant="outlined"
              disabled={busy || text.trim() === ''}
              onClick={() => onAction({ kind: 'revoke', reason: text })}
            >
              Revoke
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
}
