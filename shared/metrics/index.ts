// The metrics domain rules shared by the server and the desk's wallboard.
export * from './civil-date.js';
export * from './time-zone.js';
export * from './periods.js';
export * from './raw-counts.js';
export * from './indicators.js';
export * from './thresholds.js';
export * from './data-standard.js';
export * from './shifts.js';
export * from './attendance.js';
