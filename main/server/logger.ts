import pino from 'pino';
import { SECRET_KEYS } from './config-settings.js';

export type Logger = pino.Logger;

// Secrets never reach a log line, whatever object they travel in.
// The secret config keys (adminPassword, gatewayToken, …: marked in config-settings.ts) are
// redacted at the top level and inside a logged config object.
const REDACT = [
  ...['password', 'pin', '*.password', '*.pin', '*.*.pin', 'req.headers.authorization', 'req.headers.cookie', 'digits', '*.digits'],
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`]),
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'agent-desk-12329' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}
