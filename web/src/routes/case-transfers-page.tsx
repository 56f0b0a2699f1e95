/** `/case-transfers` (incoming and outgoing) and `/case-transfers/:transferId` (features/transfers/transfers-pages.tsx). */
export { TransferPage, TransfersPage } from '../features/transfers/transfers-pages.tsx';
