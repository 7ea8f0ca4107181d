import { EntityRefLink } from '@backstage/plugin-catalog-react';

/** `kind:name` or `kind:namespace/name`: an entity ref rather than a person's name. */
const ENTITY_REF = /^[a-z][a-z0-9-]*:[^\s]+$/i;

/**
 * Who does an action item: a link to the catalog entity (its title, not `user:default/aisha.khan`) when the
 * postmortem names one by ref, else the name as written; "—" for nobody.
 */
export function ActionItemOwner(props: { owner: string | null }) {
  const { owner } = props;
  if (!owner) return <>—</>;
  return ENTITY_REF.test(owner) ? (
    <EntityRefLink entityRef={owner} />
  ) : (
    <>{owner}</>
  );
}
