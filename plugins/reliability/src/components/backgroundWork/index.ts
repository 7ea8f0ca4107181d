export { BackgroundWorkCard } from './BackgroundWorkCard';
export { CollectionOverdueNotice } from './CollectionOverdueNotice';
export { BackgroundWorkBanner } from './BackgroundWorkBanner';
