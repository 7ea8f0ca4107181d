// Filled by the runbooks work; re-exported from the package root.
export {};
