/** `/services` and `/services/:serviceId`: the service directory (features/protection/directory.tsx). */
export { ServicePage, ServicesPage } from '../features/protection/directory.tsx';
