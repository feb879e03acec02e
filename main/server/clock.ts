// The clock lives in shared/time/clock.ts; this re-export spares ~70 server imports a rename.
export { ManualClock, systemClock, type Clock } from '../../shared/time/clock.js';
