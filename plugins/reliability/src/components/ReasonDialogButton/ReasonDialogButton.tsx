import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { ErrorText } from '../ErrorText';

/**
 * A button for an action that is recorded with a reason (revoking an override, running a task now): it asks why
 * (3 to 500 characters) in a dialog, then confirms. A refusal (no permission, a conflict) is shown in the dialog,
 * which stays open.
 */
export function ReasonDialogButton(props: {
  /** The button's text; also the confirm button's. */
  label: string;
  /** What the button's accessible name adds to the label ("Run now SLO collection"), when a table holds many. */
  ariaLabel?: string;
  /** Unique per page: names the dialog and its field. */
  id: string;
  title: string;
  description: string;
  fieldLabel: string;
  onConfirm: (reason: string) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const valid = reason.trim().length >= 3;

  const close = () => {
    setOpen(false);
    setReason('');
    setError(undefined);
  };
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onConfirm(reason.trim());
      close();
    } catch (e) {
      const body = (e as { body?: { error?: { message?: string } } }).body;
      setError(body?.error?.message ?? (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        color="inherit"
        aria-label={props.ariaLabel}
        onClick={() => setOpen(true)}
      >
        {props.label}
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby={`${props.id}-title`}>
        <DialogTitle id={`${props.id}-title`}>{props.title}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" gutterBottom>
            {props.description}
          </Typography>
          <TextField
            fullWidth
            id={`${props.id}-reason`}
            label={props.fieldLabel}
            value={reason}
            inputProps={{ maxLength: 500 }}
            onChange={event => setReason(event.target.value)}
          />
          {error && (
            <ErrorText variant="body2" role="alert">
              {error}
            </ErrorText>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button color="primary" disabled={!valid || busy} onClick={confirm}>
            {props.label}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
