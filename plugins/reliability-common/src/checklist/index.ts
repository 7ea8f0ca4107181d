// Filled by the checklist work; re-exported from the package root.
export {};
