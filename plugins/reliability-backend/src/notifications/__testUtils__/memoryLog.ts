import {
  NotificationKey,
  NotificationLogStore,
} from '../store/NotificationLogStore';

/** An in-memory sent log. */
export function memoryLog(): NotificationLogStore & { keys: Set<string> } {
  const keys = new Set<string>();
  const id = (k: NotificationKey) => `${k.kind}|${k.subject}|${k.episode}`;
  return {
    keys,
    claim: async key => {
      if (keys.has(id(key))) return false;
      keys.add(id(key));
      return true;
    },
    release: async key => {
      keys.delete(id(key));
    },
    deleteBefore: async () => 0,
    openEpisodes: async (kind, closingKind) => {
      const open = new Map<string, string>();
      for (const k of keys) {
        const [kk, subject, episode] = k.split('|');
        if (kk === kind && !keys.has(`${closingKind}|${subject}|${episode}`)) {
          open.set(subject, episode);
        }
      }
      return open;
    },
  };
}
