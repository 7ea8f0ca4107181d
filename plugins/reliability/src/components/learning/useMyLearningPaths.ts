import { useApi } from '@backstage/core-plugin-api';
import { MyLearningPathsResponse } from '@internal/backstage-plugin-reliability-common';
import { useCallback, useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { reliabilityApiRef } from '../../api';

/** The key of one item while its tick is being saved, and the error of the last failed save. */
export interface LearningItemKey {
  groupRef: string;
  itemId: string;
}

/**
 * The signed-in user's learning paths, and `setDone` to tick an item off or back: the item changes on screen
 * when the backend has stored it; a failed save leaves it as it was and sets `saveError`.
 */
export function useMyLearningPaths() {
  const api = useApi(reliabilityApiRef);
  const state = useAsyncRetry(async () => api.getMyLearningPaths(), [api]);
  const [value, setValue] = useState<MyLearningPathsResponse | undefined>();
  const [saving, setSaving] = useState<LearningItemKey | undefined>();
  const [saveError, setSaveError] = useState<Error | undefined>();

  useEffect(() => setValue(state.value), [state.value]);

  const setDone = useCallback(
    async (key: LearningItemKey, done: boolean) => {
      setSaving(key);
      setSaveError(undefined);
      try {
        const result = await api.setLearningItemDone({
          group: key.groupRef,
          itemId: key.itemId,
          done,
        });
        setValue(
          current =>
            current && {
              ...current,
              paths: current.paths.map(path => {
                if (path.groupRef !== key.groupRef) return path;
                const items = path.items.map(item =>
                  item.id === key.itemId
                    ? { ...item, doneAt: result.doneAt }
                    : item,
                );
                return {
                  ...path,
                  items,
                  doneCount: items.filter(item => item.doneAt).length,
                };
              }),
            },
        );
      } catch (error) {
        setSaveError(error as Error);
      } finally {
        setSaving(undefined);
      }
    },
    [api],
  );

  return {
    loading: state.loading,
    error: state.error,
    retry: state.retry,
    value: value ?? state.value,
    saving,
    saveError,
    setDone,
  };
}
