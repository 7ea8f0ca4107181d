export { BackgroundWorkCard } from './BackgroundWorkCard';
export { CollectionOverdueNotice } from './CollectionOverdueNotice';
