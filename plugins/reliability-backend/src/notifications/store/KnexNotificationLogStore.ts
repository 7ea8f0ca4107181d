import { Knex } from 'knex';
import { NotificationKey, NotificationLogStore } from './NotificationLogStore';

const LOG = 'notifications_sent';

/** The sent-notification log on the plugin's Knex database (SQLite or PostgreSQL). */
export class KnexNotificationLogStore implements NotificationLogStore {
  private readonly knex: Knex;

  constructor(options: { knex: Knex }) {
    this.knex = options.knex;
  }

  async claim(key: NotificationKey, at: Date): Promise<boolean> {
    // Insert-or-ignore is atomic on both databases: of two concurrent claims exactly one inserts.
    const result = await this.knex(LOG)
      .insert({
        kind: key.kind,
        subject: key.subject,
        episode: key.episode,
        sent_at: at,
      })
      .onConflict(['kind', 'subject', 'episode'])
      .ignore()
      .returning('kind');
    return Array.isArray(result) && result.length === 1;
  }

  async release(key: NotificationKey): Promise<void> {
    await this.knex(LOG).where(key).delete();
  }

  async openEpisodes(
    kind: string,
    closingKind: string,
  ): Promise<Map<string, string>> {
    const rows: Array<{ subject: string; episode: string }> = await this.knex(
      `${LOG} as o`,
    )
      .leftJoin(`${LOG} as c`, join =>
        join
          .on('c.subject', 'o.subject')
          .andOn('c.episode', 'o.episode')
          .andOnVal('c.kind', closingKind),
      )
      .where('o.kind', kind)
      .whereNull('c.kind')
      .orderBy('o.sent_at', 'asc')
      .select('o.subject', 'o.episode');
    return new Map(rows.map(r => [r.subject, r.episode]));
  }

  async deleteBefore(before: Date): Promise<number> {
    return this.knex(LOG).where('sent_at', '<', before).delete();
  }
}
