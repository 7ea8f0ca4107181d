import { useEntityReliability } from '../../hooks';

/** The checklist in force and the current entity's maturity, loaded together. */
export function useMaturity() {
  return useEntityReliability(async (api, entityRef) => {
    const [checklist, maturity] = await Promise.all([
      api.getChecklist(),
      api.getEntityMaturity(entityRef),
    ]);
    return { checklist, maturity };
  });
}
