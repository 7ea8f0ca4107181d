import { ReasonDialogButton } from '../../ReasonDialogButton';

/**
 * "Revoke" for an active deploy-gate override: asks why (3 to 500 characters, recorded) and ends it early.
 * A refusal (no permission, already ended) is shown in the dialog.
 */
export function RevokeOverrideButton(props: {
  overrideId: string;
  onRevoke: (overrideId: string, reason: string) => Promise<void>;
}) {
  return (
    <ReasonDialogButton
      label="Revoke"
      id={`revoke-override-${props.overrideId}`}
      title="Revoke the override"
      description="The deploy gate follows the error-budget policy again at once."
      fieldLabel="Why it ends early"
      onConfirm={reason => props.onRevoke(props.overrideId, reason)}
    />
  );
}
