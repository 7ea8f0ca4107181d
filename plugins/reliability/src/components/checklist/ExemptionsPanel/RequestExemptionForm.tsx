import { Checklist } from '@internal/backstage-plugin-reliability-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { isoDay } from './exemptionFormat';

/** What the owner fills in to request an exemption. */
export interface ExemptionRequestDraft {
  itemId: string;
  justification: string;
  expiresAt: string;
}

/**
 * The owner's form: which item, why, and until when (at most `maxDurationDays` ahead). Items that already have an
 * open exemption are left out; auto-approved ones say so.
 */
export function RequestExemptionForm(props: {
  checklist: Checklist;
  openItems: Set<string>;
  autoApprovedItems: string[];
  maxDurationDays: number;
  today: Date;
  busy: boolean;
  onSubmit: (draft: ExemptionRequestDraft) => void;
}) {
  const {
    checklist,
    openItems,
    autoApprovedItems,
    maxDurationDays,
    today,
    busy,
    onSubmit,
  } = props;
  const items = checklist.items.filter(i => !openItems.has(i.id));
  const [draft, setDraft] = useState<ExemptionRequestDraft>({
    itemId: '',
    justification: '',
    expiresAt: isoDay(today, Math.min(30, maxDurationDays)),
  });
  const min = isoDay(today, 1);
  const max = isoDay(today, maxDurationDays);
  const valid =
    draft.itemId !== '' &&
    draft.justification.trim() !== '' &&
    draft.expiresAt >= min &&
    draft.expiresAt <= max;
  const autoApproved = autoApprovedItems.includes(draft.itemId);

  return (
    <Box
      component="form"
      aria-label="Request an exemption"
      display="flex"
      flexDirection="column"
      style={{ gap: 12 }}
      onSubmit={(e: { preventDefault: () => void }) => {
        e.preventDefault();
        if (valid) onSubmit(draft);
      }}
    >
      <Typography variant="subtitle2">Request an exemption</Typography>
      <TextField
        id="exemption-item"
        select
        label="Checklist item"
        value={draft.itemId}
        onChange={e => setDraft({ ...draft, itemId: e.target.value })}
        helperText={
          autoApproved
            ? 'Exemptions of this item are approved automatically.'
            : 'A reliability admin approves or rejects the request.'
        }
      >
        {items.map(item => (
          <MenuItem key={item.id} value={item.id}>
            {item.title}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="exemption-justification"
        label="Justification"
        multiline
        minRows={2}
        value={draft.justification}
        onChange={e => setDraft({ ...draft, justification: e.target.value })}
        helperText="Why the practice should not count for now, and what happens before the exemption ends."
        inputProps={{ maxLength: 2000 }}
      />
      <TextField
        id="exemption-expires"
        label="Exempt until"
        type="date"
        value={draft.expiresAt}
        onChange={e => setDraft({ ...draft, expiresAt: e.target.value })}
        InputLabelProps={{ shrink: true }}
        inputProps={{ min, max }}
        helperText={`At most ${maxDurationDays} days; the item counts again after this day.`}
      />
      <Box>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={!valid || busy}
        >
          Request exemption
        </Button>
      </Box>
    </Box>
  );
}
