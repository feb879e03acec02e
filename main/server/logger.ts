import pino from 'pino';

export type Logger = pino.Logger;

// Secrets never reach a log line, whatever object they travel in.
// adminPassword, gatewayToken and trunkPassword are config keys: a logged config object must not carry them.
const REDACT = ['password', 'pin', '*.password', '*.pin', '*.*.pin', 'adminPassword', '*.adminPassword', 'gatewayToken', '*.gatewayToken', 'trunkPassword', '*.trunkPassword', 'req.headers.authorization', 'req.headers.cookie', 'digits', '*.digits'];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { app: 'agent-desk-12329' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}
