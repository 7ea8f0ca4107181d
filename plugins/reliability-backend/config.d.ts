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
        /** Time limit of one whole collection pass. Default 2 minutes. */
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
    };
    /** Demo-only switches. Never enable them in a real installation. */
    demo?: {
      /**
       * DEMO ONLY: when true, the backend writes synthetic, deterministic SLI event counts (30 days of history, then
       * continuously) for every `embedded` SLI of the catalog, and labels that data "embedded (demo data)".
       * The SLO metric source spec may set `demoProfile: healthy | burning | paging`. Default false.
       */
      seedSliEvents?: boolean;
    };
    /** On-call: the built-in schedule-as-code provider and the on-call cache and refresh. */
    onCall?: {
      /**
       * Schedule-as-code YAML files (`schedules` and `escalationPolicies`), paths relative to the backend's
       * working directory. Read at startup and re-read periodically; an invalid file is reported in the logs
       * and its last good content is kept.
       */
      scheduleFiles?: string[];
      /** How often the schedule files are re-read, in seconds (10..86400). Default 60. */
      scheduleFilesRefreshSeconds?: number;
      /** How long an entity's on-call state (or provider failure) is served from memory, in seconds (0..3600). Default 60. */
      cacheTtlSeconds?: number;
      /**
       * How often the on-call state of every annotated entity is refreshed into the database (summaries, team views,
       * shift history), in minutes (1..60). Default 5.
       */
      refreshIntervalMinutes?: number;
      /** How far ahead upcoming shifts are computed or fetched, in days (1..90). Default 14. */
      horizonDays?: number;
      /** Time limit of one on-call provider call, in seconds (1..120). Default 15. */
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
      /** How long a self-assessed answer counts before it expires, in days (1..1095). Default 180. */
      answerValidityDays?: number;
      /**
       * Share of an entity's SLO alerts (0..1) that must link a runbook for the automatic
       * `runbook-coverage` item to pass. Default 1 (every alert).
       */
      runbookCoverageThreshold?: number;
      /**
       * Days after an entity disappeared from the catalog before its assessments, drafts and scores
       * are deleted (1..3650). Default 90.
       */
      retentionDays?: number;
      /**
       * How often every entity's score is re-evaluated (answers expire, automatic checks change) and
       * retention is applied, in minutes (5..1440). Default 60.
       */
      refreshIntervalMinutes?: number;
    };
  };
}
