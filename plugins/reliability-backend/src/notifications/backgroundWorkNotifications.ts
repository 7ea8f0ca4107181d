import {
  backgroundTaskInTrouble,
  backgroundTaskLabel,
  BackgroundTaskState,
  BackgroundTaskStatus,
  BackgroundWorkResponse,
} from '@internal/backstage-plugin-reliability-common';
import {
  ReliabilityNotification,
  ReliabilityNotifier,
} from './ReliabilityNotifier';
import { NotificationLogStore } from './store/NotificationLogStore';

/** The background tasks' states (the background-work area's service), with the failures' messages. */
export interface BackgroundWorkSource {
  list(withDetails: boolean): Promise<BackgroundWorkResponse>;
}

/** Options of {@link BackgroundWorkNotifications}. */
export interface BackgroundWorkNotificationsOptions {
  backgroundWork: BackgroundWorkSource;
  notifier: ReliabilityNotifier;
  log: NotificationLogStore;
  /** Who runs the portal: entity refs (`reliability.notifications.backgroundWorkRecipients`); none, nothing sent. */
  recipients: string[];
  now: () => Date;
}

/** Longest failure message quoted in a notification. */
const MAX_QUOTED_ERROR = 300;

/** The Reliability page's Monitoring tab, where the Background work card is. */
const LINK = '/reliability/monitoring';

/** What the title says of a task in each state of trouble. */
const TROUBLE: Partial<Record<BackgroundTaskState, string>> = {
  late: 'is late',
  failing: 'failed',
  interrupted: 'was interrupted',
};

function describeTrouble(task: BackgroundTaskStatus): string {
  const error = task.lastRun?.error;
  switch (task.state) {
    case 'late':
      return `No run started when one was due (${
        task.nextRunDueAt ?? 'unknown'
      }): check that a replica runs background tasks and that runs end within their cadence. The data it keeps is getting old.`;
    case 'interrupted':
      return 'A run started and never ended within its timeout: its replica stopped or the run hangs.';
    default:
      return `Its last run failed${
        error ? `: ${error.slice(0, MAX_QUOTED_ERROR)}` : ''
      }. The scheduler tries again at the next cadence; the data it keeps may be out of date.`;
  }
}

/**
 * Tells the people who run the portal when one of its background tasks is late, failing or interrupted (once per
 * episode) and when it runs on time again, so stale reliability data is noticed without watching the Monitoring
 * tab. An episode opens with the first check that sees the trouble and closes with the first that does not
 * (episodes live in the sent log, as the SLO notifications' do). Run by the notifications' global task.
 */
export class BackgroundWorkNotifications {
  constructor(private readonly options: BackgroundWorkNotificationsOptions) {}

  async run(): Promise<number> {
    const { backgroundWork, notifier, log, recipients, now } = this.options;
    if (recipients.length === 0) return 0;
    const [{ tasks }, open] = await Promise.all([
      backgroundWork.list(true),
      log.openEpisodes('backgroundTaskTrouble', 'backgroundTaskRecovered'),
    ]);
    const episode = now().toISOString();
    const notifications: ReliabilityNotification[] = [];
    for (const task of tasks) {
      const subject = `task:${task.id}`;
      const name = backgroundTaskLabel(task.id);
      const trouble = backgroundTaskInTrouble(task.state);
      const opened = open.get(subject);
      if (trouble && !opened) {
        notifications.push({
          kind: 'backgroundTaskTrouble',
          subject,
          episode,
          recipients,
          payload: {
            title: `Reliability portal: ${name} ${TROUBLE[task.state]}`,
            description: describeTrouble(task),
            link: LINK,
            severity: task.state === 'failing' ? 'normal' : 'high',
          },
        });
      } else if (
        !trouble &&
        opened &&
        task.state !== 'running' &&
        !notifier.isEnabled('backgroundTaskRecovered')
      ) {
        // Recovery notices are off: close the episode quietly, so the next trouble is told again.
        await log.claim(
          { kind: 'backgroundTaskRecovered', subject, episode: opened },
          now(),
        );
      } else if (!trouble && opened && task.state !== 'running') {
        notifications.push({
          kind: 'backgroundTaskRecovered',
          subject,
          episode: opened,
          recipients,
          payload: {
            title: `Reliability portal: ${name} runs on time again`,
            description: `Its last run ${
              task.lastRun?.endedAt ? `ended ${task.lastRun.endedAt}` : 'ended'
            } without trouble (trouble seen since ${opened.slice(0, 16)} UTC).`,
            link: LINK,
            severity: 'low',
          },
        });
      }
    }
    return notifier.send(notifications);
  }
}
