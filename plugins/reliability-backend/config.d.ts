/**
 * Configuration of the reliability backend plugin. Every key is optional.
 */
export interface Config {
  reliability?: {
    /**
     * Group entity refs (e.g. `group:default/sre`) whose members may submit maturity assessments for any
     * entity. Read by the demo app's permission policy (packages/backend/src/modules/permissionPolicy.ts).
     */
    admins?: string[];
    backgroundTasks?: {
      /**
       * False on replicas that should only answer web requests: the plugin then registers none of its global
       * background tasks there (SLO collection, refreshes, snapshots, notifications); the replicas where it is true
       * run them, once per cadence across all of them. Default true. See the plugin README ("Web-only replicas").
       */
      enabled?: boolean;
    };
    /**
     * Documents (OpenSLO files, runbooks) are read only under the entity's own source location
     * (`backstage.io/source-location`, or the directory of `backstage.io/managed-by-location`). This allow-list
     * names further places every entity may read from. See docs/security.md ("Documents read on behalf of entities").
     */
    documents?: {
      allow?: Array<
        | {
            /** An http(s) host, e.g. `github.com`. */
            host: string;
            /** Path prefixes on that host, e.g. `/parcelly/runbooks/`. */
            paths: string[];
          }
        | {
            /** A local directory (for catalogs registered from files), relative to the backend's working directory. */
            directory: string;
          }
      >;
    };
    /** SLOs: collection of SLO states from the SLI providers, and retention. */
    slo?: {
      collection?: {
        /**
         * How often every SLO of every annotated entity is collected (a duration: `{ minutes: 5 }` or an ISO 8601
         * string such as `PT5M`). Default 5 minutes.
         */
        frequency?: { [unit: string]: number } | string;
        /**
         * How long after startup the first collection runs (a duration, like `frequency`). Default 15 seconds.
         */
        initialDelay?: { [unit: string]: number } | string;
        /**
         * Time limit of one collection run (a stopped run is resumed by the next). Under a vendor request
         * budget a run waits for turns up to the frequency, at most three quarters of this. Default 7 minutes.
         */
        timeout?: { [unit: string]: number } | string;
        /**
         * Time limit of one SLI provider call; a slower provider counts as failed and the SLO keeps its last
         * good data, marked stale. Default 10 seconds.
         */
        providerTimeout?: { [unit: string]: number } | string;
      };
      retention?: {
        /** Days SLO snapshots (history) are kept. Default 90. */
        days?: number;
        /**
         * Days events pushed to the embedded SLI provider are kept. Default 400: longer than the longest SLO
         * window (366 days), so long windows never undercount. Judging a yearly calendar window on the previous
         * complete year needs up to 731. Values below 366 are used but logged as a warning.
         */
        sliEventsDays?: number;
      };
      definitionCache?: {
        /**
         * Parsed OpenSLO texts kept in memory, one per entity with SLOs (about 3 KB each for two SLOs), so the
         * collection does not parse them again every cycle. Default 20,000; raise it above the number of entities
         * with SLOs in larger catalogs.
         */
        maxEntries?: number;
      };
    };
    /** Demo-only switches. Never enable them in a real installation. */
    demo?: {
      /**
       * DEMO ONLY: when true, the backend writes synthetic, deterministic SLI event counts (30 days of history, then
       * continuously) for every `embedded` SLI of the catalog, and labels that data "embedded (demo data)".
       * The SLO metric source spec may set `demoProfile: healthy | burning | paging`. Default false.
       */
      seedSliEvents?: boolean;
      /**
       * DEMO ONLY: when true, the backend writes the demo catalog's synthetic incident history (the last 90 days,
       * relative to the current hour) to the embedded incident source, shown as "embedded (demo data)".
       * Default false.
       */
      seedIncidents?: boolean;
      /**
       * DEMO ONLY: when true, the backend writes the demo catalog's synthetic alert inventories (alerts, monitors and
       * 30 days of firings, relative to the current hour) to the embedded alert source, shown as
       * "embedded (demo data)". Default false.
       */
      seedAlerts?: boolean;
      /**
       * DEMO ONLY: when true, the backend writes about six months of synthetic self-assessments for some of the
       * demo catalog's services (so levels move) and three exemptions (pending, approved, expired), authored by
       * "demo data (synthetic)". Entities that already have assessments or exemptions are left alone.
       * Default false.
       */
      seedMaturity?: boolean;
      /**
       * DEMO ONLY: when true, the backend writes about six months of synthetic daily trend snapshots before today
       * for the demo catalog, ending near the measured roll-ups, marked as demo data in the trend charts and the
       * leaderboard. Never overwrites a measured snapshot. Default false.
       */
      seedTrends?: boolean;
      /**
       * DEMO ONLY: when true, simulated deploy pipelines of nine demo catalog services ask the deploy gate about every
       * six hours (answers by `external:demo-pipeline`, labelled "Demo data (synthetic)" in their context) and one
       * past override of payments is written once. Default false.
       */
      seedDeployGate?: boolean;
    };
    /** On-call: the built-in schedule-as-code provider and the on-call cache and refresh. */
    onCall?: {
      /**
       * Schedule-as-code YAML files (`schedules` and `escalationPolicies`), paths relative to the backend's
       * working directory. Read at startup and re-read periodically; an invalid file is reported in the logs
       * and its last good content is kept.
       */
      scheduleFiles?: string[];
      /**
       * How often every replica re-reads the schedule files (a duration: `{ seconds: 60 }` or an ISO 8601 string
       * such as `PT1M`), 10 seconds to 1 day. Default 60 seconds.
       */
      scheduleFilesRefresh?: { [unit: string]: number } | string;
      /**
       * How long an entity's on-call state (or provider failure) is served from memory (a duration), 0 to 1 hour.
       * Default 60 seconds; 0 disables the cache.
       */
      cacheTtl?: { [unit: string]: number } | string;
      /**
       * How often the on-call state of every annotated entity is refreshed into the database (summaries, team views,
       * shift history), a duration from 1 to 60 minutes. Default 5 minutes.
       */
      refreshInterval?: { [unit: string]: number } | string;
      /** How far ahead upcoming shifts are computed or fetched (a duration), 1 to 90 days. Default 14 days. */
      horizon?: { [unit: string]: number } | string;
      /** Time limit of one on-call provider call (a duration), 1 to 120 seconds. Default 15 seconds. */
      providerTimeout?: { [unit: string]: number } | string;
      /** @deprecated Use `scheduleFilesRefresh`. Seconds (10..86400). */
      scheduleFilesRefreshSeconds?: number;
      /** @deprecated Use `cacheTtl`. Seconds (0..3600). */
      cacheTtlSeconds?: number;
      /** @deprecated Use `refreshInterval`. Minutes (1..60). */
      refreshIntervalMinutes?: number;
      /** @deprecated Use `horizon`. Days (1..90). */
      horizonDays?: number;
      /** @deprecated Use `providerTimeout`. Seconds (1..120). */
      providerTimeoutSeconds?: number;
    };
    /** Runbooks, rollback procedures and postmortems of entities. */
    runbooks?: {
      /**
       * A runbook whose `lastReviewed` front-matter date is more than this many days ago (or that has no review
       * date, like plain links) is flagged as stale in the UI and counted in `staleCount`. Whole days, 1..3650.
       * Default 180.
       */
      staleAfterDays?: number;
      /**
       * How often the runbook index (summaries, coverage) is rebuilt from every entity's runbook sources
       * (a duration: `{ minutes: 30 }` or `PT30M`), 1 minute to 1 day. Default 30 minutes.
       */
      refreshInterval?: { [unit: string]: number } | string;
    };
    /** Monitoring coverage: the alerts and monitors of services and resources (docs/alerts.md). */
    alerts?: {
      /**
       * How often the alert sources (Prometheus rules, Datadog monitors, ...) are read and every entity's alert
       * summary (coverage, noise, gap) is rebuilt (a duration: `{ minutes: 10 }` or `PT10M`), 1 minute to 1 day.
       * Default 10 minutes.
       */
      refreshInterval?: { [unit: string]: number } | string;
      /** Time limit of reading one alert source, 1 second to 10 minutes. Default 60 seconds. */
      sourceTimeout?: { [unit: string]: number } | string;
      retention?: {
        /** Days firings are kept, counted from their start; whole days, 30..3650. Default 90. */
        days?: number;
      };
      mapping?: {
        /**
         * The label (Prometheus) or tag key (Datadog) whose value names the entity an alert belongs to: an entity
         * name (a Component or Resource of that name) or an entity ref (`resource:default/orders-db`). Entities can
         * also claim alerts with the `reliability.sre-portal.dev/alert-selector` annotation. Default `service`.
         */
        label?: string;
      };
      /** When an alert counts as noisy: it fired often and was mostly resolved within minutes. */
      noise?: {
        /** Firings within 30 days from which an alert can be noisy; whole number, 2..10000. Default 5. */
        minFirings?: number;
        /** A firing resolved within this duration counts as resolved without action (1 minute to 1 day). Default 15 minutes. */
        quickResolve?: { [unit: string]: number } | string;
        /** Share of quickly resolved firings from which an alert is noisy, 0.01..1. Default 0.8. */
        quickShare?: number;
      };
    };
    /** Incidents and postmortems (docs/incidents.md). */
    incidents?: {
      /**
       * How often incidents are read from the incident providers (PagerDuty, Opsgenie, ...) and every entity's
       * summary, postmortem state and action items are rebuilt (a duration: `{ minutes: 15 }` or `PT15M`),
       * 1 minute to 1 day. Default 15 minutes.
       */
      refreshInterval?: { [unit: string]: number } | string;
      /** Time limit of one provider read (one entity, one provider), 1 second to 10 minutes. Default 60 seconds. */
      providerTimeout?: { [unit: string]: number } | string;
      retention?: {
        /** Days incidents are kept, counted from their start; whole days, 90..3650. Default 400. */
        days?: number;
      };
      /** Which incidents need a postmortem, and by when. */
      postmortemRequired?: {
        /**
         * Incidents of this severity or worse need a postmortem: `sev1` (most severe) .. `sev5` (also written
         * `SEV-1` or `P1`). Default `sev2`.
         */
        severity?: string;
        /**
         * Business days (Monday to Friday in the team's time zone) after the incident's resolution by the end of
         * which its postmortem is due; whole days, 1..60. Default 5.
         */
        businessDays?: number;
      };
      /**
       * Time zone (IANA, e.g. `Europe/Berlin`) of teams that name none with the
       * `reliability.sre-portal.dev/time-zone` annotation. Default `UTC`.
       */
      defaultTimeZone?: string;
      /**
       * The mean time to acknowledge (over the last 90 days) an entity's incidents should stay within, for the
       * checklist item `acknowledge-within-target` (a duration: `{ minutes: 15 }` or `PT15M`), 1 minute to
       * 1 day. Default 15 minutes. A team sets its own with the `reliability.sre-portal.dev/acknowledge-target`
       * annotation on its Group (`10m`); this is the default of teams without a valid one.
       */
      acknowledgeTarget?: { [unit: string]: number } | string;
    };
    /**
     * Error-budget policy as code and the deploy gate (docs/policy.md, docs/deploy-gate.md). Without config every
     * entity gets the built-in `default` policy: page-severity burn -> `halted` (deny), budget exhausted ->
     * `frozen` (deny), less than 25 % left -> `review` (warn).
     */
    policy?: {
      /**
       * Named policies (names: lower case letters, digits, `-`). A policy named `default` replaces the built-in one.
       * Validated at startup; a mistake stops the backend with a message naming the key.
       */
      policies?: {
        [name: string]: {
          description?: string;
          /**
           * How old an SLO's figures (since last checked) may be for the deploy gate to judge on them, a duration in
           * whole minutes (1 minute to 1 day); older ones make the answer say `sloDataOverdue` and answer as
           * `deployGate.outdatedSloData` says. Default: only the SLO collection's own limit.
           */
          maxSloDataAge?: { [unit: string]: number } | string;
          /** Ordered rules: the first whose condition holds for an SLO gives its state (1 to 20 rules). */
          rules: Array<{
            /** Name of the state, e.g. `review`, `frozen`, `halted` (`ok` and `no-data` are reserved). */
            state: string;
            /**
             * Every condition given must hold: budget left below a percentage (0-100], budget exhausted, or a
             * burn-rate alert of at least this severity firing (`ticket` also holds during a `page`).
             */
            when: {
              budgetRemainingBelow?: number;
              budgetExhausted?: boolean;
              burnAlert?: 'page' | 'ticket';
            };
            /** What the deploy gate answers in this state. */
            decision: 'allow' | 'warn' | 'deny';
            /** What the team does in this state, e.g. "Freeze feature releases; reliability work only." */
            consequence: string;
            /**
             * How long the state stays after its condition stops holding, unless a more severe rule applies (a
             * duration in whole minutes, 1 minute to 7 days): the policy's hysteresis, so a burn-rate alert that
             * clears and fires again does not flip deploys. Default: none (the state ends when its condition does).
             */
            keepFor?: { [unit: string]: number } | string;
          }>;
        };
      };
      /**
       * The policy of each tier (the `reliability.sre-portal.dev/tier` annotation), by name. An entity may name
       * another policy with the `reliability.sre-portal.dev/policy` annotation.
       */
      tiers?: {
        'tier-1'?: string;
        'tier-2'?: string;
        'tier-3'?: string;
        'tier-4'?: string;
      };
      /** Policy of entities without a tier (or whose tier has none). Default `default`. */
      defaultPolicy?: string;
      /**
       * How often every entity with SLOs is evaluated and policy state changes are recorded (a duration), 1 minute
       * to 1 day. Default 5 minutes.
       */
      refreshInterval?: { [unit: string]: number } | string;
      retention?: {
        /** Days policy state changes, deploy-gate answers and expired or revoked overrides are kept (1..3650). Default 400. */
        days?: number;
      };
      deployGate?: {
        /** Gate answers kept per entity (1..1000). Default 50. */
        answersPerEntity?: number;
        /** Longest break-glass override (a duration), 5 minutes to 7 days. Default 24 hours. */
        maxOverrideDuration?: { [unit: string]: number } | string;
        /**
         * What the gate answers when the SLO figures are older than the collection cadence allows (SLO collection
         * behind): `decide` (the policy's decision, the answer says the data is old), `warn` (at least warn) or
         * `deny`. An active override still turns a deny into allow. Default `decide`.
         */
        outdatedSloData?: 'decide' | 'warn' | 'deny';
      };
    };
    /** The SLO review report (docs/policy.md, "The report as a notification"). */
    reports?: {
      /**
       * Sends each team its SLO review report as a Backstage notification on this schedule (global task
       * `reliability-reports-notify`); not set: never. One of: `cron` (5 or 6 fields, the backend's time zone);
       * `weekday` (`monday`..`sunday`) with an optional `time` (`HH:MM`, default 08:00) and `frequency` in whole
       * weeks (default one week); or `frequency` alone (a duration, at least one hour).
       */
      schedule?: {
        cron?: string;
        frequency?: { [unit: string]: number } | string;
        weekday?: string;
        time?: string;
      };
      /** Only these teams (group refs) get the report; default every group owning an entity with SLOs. */
      owners?: string[];
    };
    /**
     * Notifications to the owning teams through Backstage's notifications service; every kind is on unless set
     * to false.
     */
    notifications?: {
      /** An exemption was approved or rejected. Default true. */
      exemptionDecided?: boolean;
      /** An approved exemption expired. Default true. */
      exemptionExpired?: boolean;
      /** A maturity level dropped (expired answers, a failing automatic check). Default true. */
      maturityLevelDropped?: boolean;
      /** A campaign started (to every team with services in scope). Default true. */
      campaignStarted?: boolean;
      /** A campaign is due in 7 days (to teams with services not done). Default true. */
      campaignDueSoon?: boolean;
      /** A campaign is overdue (to teams with services not done). Default true. */
      campaignOverdue?: boolean;
      /** A page-severity SLO burn started (once per episode). Default true. */
      sloBurn?: boolean;
      /** A page-severity SLO burn is over. Default true. */
      sloBurnResolved?: boolean;
      /**
       * How long no page-severity burn must be seen (in the SLO collections) before a burn counts as over: a burn
       * that pauses and comes back sooner stays one episode (one notice each way). A duration, 0 to 1 day; 0
       * resolves at the first check without one. Default 30 minutes.
       */
      sloBurnQuietPeriod?: { [unit: string]: number } | string;
      /** An SLO's error budget is exhausted (once until it recovers). Default true. */
      sloBudgetExhausted?: boolean;
      /**
       * A service's error-budget policy state changed (halted, frozen, review, back to OK; not between OK and no
       * data), with what the team agreed to do in it. Default true.
       */
      policyStateChanged?: boolean;
      /** Someone overrode a service's deploy gate (who, why, until when; once per override). Default true. */
      deployGateOverridden?: boolean;
      /** An override of a service's deploy gate was ended early (who, why; once per override). Default true. */
      deployGateOverrideRevoked?: boolean;
      /** A runbook became stale (once per review date; never-reviewed runbooks once). Default true. */
      runbookStale?: boolean;
      /**
       * How often SLO burns, budgets and stale runbooks are checked and the log's retention applied: a Backstage duration,
       * 1 minute to 1 day. Default 5 minutes.
       */
      refreshInterval?: { [unit: string]: number } | string;
      /** The scheduled SLO review report of a team (`reliability.reports.schedule`). Default true. */
      sloReviewReport?: boolean;
      /** Days the log of sent notifications is kept (30..3650). Default 400. */
      retentionDays?: number;
      /** One of the portal's own background tasks is late, failing or interrupted (once per episode). Default true. */
      backgroundTaskTrouble?: boolean;
      /** That task runs on time again. Default true. */
      backgroundTaskRecovered?: boolean;
      /**
       * Full entity refs (`group:default/platform`) told about the two kinds above: the people who run the portal.
       * None by default, so none are sent.
       */
      backgroundWorkRecipients?: string[];
    };
    /** Campaigns: a target (a maturity level or checklist items) for the services in a scope, by a due date. */
    campaigns?: {
      /**
       * YAML files of campaigns kept as code (read-only in the UI), relative to the backend's working directory.
       * Validated at startup against the checklist; an invalid file stops the backend naming every problem.
       */
      files?: string[];
      /**
       * How often running campaigns are measured (the day's last measurement is its burn-up snapshot): a Backstage
       * duration, 1 minute to 1 day. Default 1 hour.
       */
      refreshInterval?: { [unit: string]: number } | string;
      /** Days daily campaign snapshots are kept (1..3650). Default 730. */
      retentionDays?: number;
    };
    /** The org overview (docs/api.md, "GET /overview/summaries"). */
    overview?: {
      /** The stored team and system roll-ups of the org page. */
      rollUps?: {
        /**
         * How often the roll-ups are recomputed over the whole catalog (a duration: `{ minutes: 10 }` or an ISO 8601
         * string such as `PT10M`; 1 minute to 1 day). Default 10 minutes.
         */
        refreshInterval?: { [unit: string]: number } | string;
        /** Time limit of one roll-up pass (30 seconds to 6 hours). Default 10 minutes. */
        timeout?: { [unit: string]: number } | string;
      };
      /**
       * The services index (docs/api.md, "GET /overview"): every catalog Component kept by the roll-up pass, so the
       * org page's pages and CSV export are one indexed query each instead of the catalog's count and sort of every
       * matching entity. Used for callers who may read every catalog entity while the last pass is at most two
       * refresh intervals plus one timeout old; the page then says when it was listed (`listedAt`).
       */
      servicesIndex?: {
        /** `false` lists every page from the catalog (live, slower on large catalogs). Default true. */
        enabled?: boolean;
        /**
         * How often the catalog's count of Components is compared with the last pass's (one count query); a
         * different count starts a pass before the refresh interval, so services registered or deleted are listed
         * within about this long. A duration, 10 seconds to 1 day. Default 1 minute. An early pass waits four times
         * the previous pass's duration after it, so on a catalog whose count of Components changes at every check the
         * walk (3–15 s at 100,000 services) runs at most a fifth of the time; raise this to check less often.
         */
        checkInterval?: { [unit: string]: number } | string;
      };
      /** The org page's CSV export (`GET /overview.csv`), streamed page by page. */
      csvExport?: {
        /**
         * Most rows one export holds (1..1,000,000). Default 100,000. A capped export says so in its
         * `X-Reliability-Total-Items` / `X-Reliability-Exported-Items` headers and the org page warns.
         */
        maxRows?: number;
      };
    };
    /** Trends: daily snapshots of the maturity roll-ups and SLO attainment, and the team leaderboard (docs/trends.md). */
    trends?: {
      /**
       * Days (1..3650) daily snapshots are kept; older days are deleted by the daily snapshot task. Default 400.
       * Below 90 the leaderboard's 90-day improvement only sees the days kept (logged as a warning).
       */
      retentionDays?: number;
      /** Hour of the day (0..23, the server's time zone) the daily snapshot is taken. Default 2. */
      snapshotHour?: number;
    };
    /**
     * Team learning paths (the `reliability.sre-portal.dev/learning-path` annotation of a Group) and each user's
     * progress through them (docs/tour.md).
     */
    learning?: {
      /**
       * Days (1..3650) the progress of an item no longer in its team's path, of a Group gone from the catalog or
       * without a path, or of a user gone from the catalog is kept, counted from when the item was ticked off.
       * A path file that cannot be read deletes nothing. Default 90.
       */
      retentionDays?: number;
      /** How often that retention runs: a Backstage duration, 5 minutes to 7 days. Default 24 hours. */
      refreshInterval?: { [unit: string]: number } | string;
    };
    /** The reliability-maturity checklist. */
    checklist?: {
      /**
       * Path (relative to the backend's working directory) of a YAML checklist that replaces the default one,
       * or extends it when `extend` is true. Validated at startup; an invalid file stops the backend with
       * a message naming every problem.
       */
      file?: string;
      /**
       * When true, `file` extends the default checklist: its levels, categories and items replace those with the
       * same id and add new ones, and the version becomes `<default>+<file version>`. Default false (replace).
       */
      extend?: boolean;
      /**
       * How long a self-assessed answer counts before it expires, in days (1..1095). Default 180. Also the longest
       * validity a submitter may choose: a later `expiresAt` is rejected with a 400 naming the limit.
       */
      answerValidityDays?: number;
      /**
       * Share of an entity's SLO alerts (0..1) that must link a runbook for the automatic
       * `runbook-coverage` item to pass. Default 1 (every alert).
       */
      runbookCoverageThreshold?: number;
      /**
       * How recent (in days, 1..365) the newest deploy-gate answer of a service must be for the automatic
       * `deploys-ask-gate` item to pass: a deploy pipeline asked the error-budget policy's deploy gate within that
       * time. Default 30.
       */
      deployGateAskedWithinDays?: number;
      /**
       * Days after an entity disappeared from the catalog before its assessments, drafts and scores
       * are deleted (1..3650). Default 90.
       */
      retentionDays?: number;
      /**
       * How often every entity's score is re-evaluated (answers expire, automatic checks change) and
       * retention is applied: a Backstage duration (`{ minutes: 60 }` or `PT1H`), 5 minutes to 1 day.
       * Default 60 minutes.
       */
      refreshInterval?: { [unit: string]: number } | string;
      /**
       * How often scores are re-evaluated, in minutes (5..1440).
       * @deprecated Use `refreshInterval`; still read (with a warning) when `refreshInterval` is not set.
       */
      refreshIntervalMinutes?: number;
      /** Exemptions of single checklist items (an item counts neither as passed nor as failed until it ends). */
      exemptions?: {
        /**
         * Longest exemption that may be requested: a Backstage duration (`{ days: 180 }` or `P180D`), 1 to 1095 days.
         * Default 180 days. A later requested expiry is rejected with a 400 naming the limit.
         */
        maxDuration?: { [unit: string]: number } | string;
        /**
         * Checklist item ids whose exemptions are approved as soon as an owner requests them (no admin decision).
         * Unknown ids stop the backend at startup. Default none.
         */
        autoApprove?: string[];
        /** Days closed exemptions (rejected, revoked, expired) are kept as history after they ended (1..3650). Default 365. */
        historyDays?: number;
      };
    };
  };
}
