/** One notification: what kind, about what (an entity ref, or a campaign and team), which occurrence. */
export interface NotificationKey {
  kind: string;
  /** An entity ref, or `campaign:<id>:<team ref>`. */
  subject: string;
  /** Which occurrence (an exemption id, an alert episode, a due date): a new episode notifies again. */
  episode: string;
}

/**
 * The log of sent notifications. Claiming a key before sending makes each notification go out once, also when
 * two replicas (or two runs) see the same event: only the first claim succeeds.
 */
export interface NotificationLogStore {
  /** Records the key; false when it was already recorded (someone else sends it). */
  claim(key: NotificationKey, at: Date): Promise<boolean>;
  /** Forgets a claim whose sending failed, so a later run tries again. */
  release(key: NotificationKey): Promise<void>;
  /**
   * Episodes still open: keys of `kind` without a key of `closingKind` for the same subject and episode, as
   * subject -> episode (the newest when there are several).
   */
  openEpisodes(kind: string, closingKind: string): Promise<Map<string, string>>;
  /** Retention: deletes entries recorded before `before`; returns how many. */
  deleteBefore(before: Date): Promise<number>;
}
