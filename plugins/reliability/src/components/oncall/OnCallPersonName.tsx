import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OnCallPerson } from '@internal/backstage-plugin-reliability-common';
import Link from '@material-ui/core/Link';

/** A person on call: a link to their catalog User when known, with a mailto link to their email. */
export function OnCallPersonName({ person }: { person: OnCallPerson | null }) {
  if (!person) return <>—</>;
  return (
    <>
      {person.userRef ? (
        <EntityRefLink entityRef={person.userRef} title={person.name} />
      ) : (
        person.name
      )}
      {person.email && (
        <>
          {' '}
          (<Link href={`mailto:${person.email}`}>{person.email}</Link>)
        </>
      )}
    </>
  );
}
