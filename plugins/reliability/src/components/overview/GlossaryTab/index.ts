export { GlossaryTab } from './GlossaryTab';
export { GlossaryTerm, GLOSSARY_TAB_PATH } from './GlossaryTerm';
export { GLOSSARY } from './glossary';
export type { GlossaryEntry, GlossaryTermId } from './glossary';
