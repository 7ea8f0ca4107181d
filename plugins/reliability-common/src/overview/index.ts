// Filled by the overview work; re-exported from the package root.
export {};
