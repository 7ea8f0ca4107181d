import { EntityRefLinks, useEntity } from '@backstage/plugin-catalog-react';
import LockOutlinedIcon from '@material-ui/icons/LockOutlined';
import Alert from '@material-ui/lab/Alert';
import { ReactNode } from 'react';
import { entityOwnerRefs } from '../entityOwners';

/**
 * Says who may submit maturity assessments for the current entity, shown when the caller may not
 * (the backend's `canSubmit` is false). `children` adds what the reader can still do.
 */
export function SubmitRestrictionNotice(props: { children?: ReactNode }) {
  const { entity } = useEntity();
  const owners = entityOwnerRefs(entity);
  return (
    <Alert
      severity="info"
      icon={<LockOutlinedIcon fontSize="inherit" />}
      role="note"
      aria-label="Read-only"
    >
      Only members of{' '}
      {owners.length > 0 ? (
        <EntityRefLinks entityRefs={owners} defaultKind="group" />
      ) : (
        'its owning team'
      )}{' '}
      (or reliability admins) can submit assessments for this service.
      {props.children && <> {props.children}</>}
    </Alert>
  );
}
