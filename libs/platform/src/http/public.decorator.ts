import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'auth:public';

/** No sign-in needed (login, refresh, health, metrics). Read by the global auth guard. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
