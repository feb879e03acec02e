import { defineRoute } from './route.js';
import { importPinsRequestSchema, importPinsResponseSchema, pinStoreResponseSchema, setPinRequestSchema, setPinResponseSchema } from './verification.js';

/** Telephone PINs at the outlet (center admins), on the embedded store; 409 pins_in_core_system otherwise. */
export const callerPinRoutes = {
  store: defineRoute({ method: 'GET', path: '/api/v1/callers/pins/store', response: pinStoreResponseSchema }),
  set: defineRoute({ method: 'PUT', path: '/api/v1/callers/pin', body: setPinRequestSchema, response: setPinResponseSchema }),
  import: defineRoute({ method: 'POST', path: '/api/v1/callers/pins/import', body: importPinsRequestSchema, response: importPinsResponseSchema }),
};
