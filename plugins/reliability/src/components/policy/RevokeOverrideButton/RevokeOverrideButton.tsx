import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { ErrorText } from '../../ErrorText';

/**
 * "Revoke" for an active deploy-gate override: asks why (3 to 500 characters, recorded) and ends it early.
 * A refusal (no permission, already ended) is shown in the dialog.
 */
export function RevokeOverrideButton(props: {
  overrideId: string;
  onRevoke: (overrideId: string, reason: string) => Promise<void>;
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
  const revoke = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onRevoke(props.overrideId, reason.trim());
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
      <Button size="small" color="inherit" onClick={() => setOpen(true)}>
        Revoke
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="revoke-override">
        <DialogTitle id="revoke-override">Revoke the override</DialogTitle>
        <DialogContent>
          <Typography variant="body2" gutterBottom>
            The deploy gate follows the error-budget policy again at once.
          </Typography>
          <TextField
            fullWidth
            id={`revoke-override-reason-${props.overrideId}`}
            label="Why it ends early"
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
          <Button color="primary" disabled={!valid || busy} onClick={revoke}>
            Revoke
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
