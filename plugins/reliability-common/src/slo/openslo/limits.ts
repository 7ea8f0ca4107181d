/** At most this many SLOs are read from one file. @public */
export const MAX_SLOS_PER_FILE = 50;
/** At most this many documents (of any kind) are read from one file. @public */
export const MAX_DOCUMENTS_PER_FILE = 200;

/** Longest SLO window (and upper bound of every calendar window). */
export const MAX_WINDOW_SECONDS = 366 * 86400;
/** Shortest rolling SLO window. */
export const MIN_WINDOW_SECONDS = 60;
