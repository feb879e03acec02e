// The headless bundled server: `npm run server` or `node dist/server/cli.js [flags]`.
import { ConfigError, configHelp, loadServerConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

/** Electron's utility process adds parentPort to process; plain Node does not have it. */
type ElectronUtilityProcess = NodeJS.Process & {
  parentPort?: { on(event: 'message', listener: (event: { data?: unknown }) => void): void };
};

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${configHelp()}\n`);
    return;
  }
  let config;
  try {
    config = loadServerConfig(process.argv.slice(2));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`agent-desk server: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let server;
  try {
    server = await startServer(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'server failed to start');
    process.exit(1);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took over 10 s, exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Under Electron's utility process the parent asks to stop with a message.
  (process as ElectronUtilityProcess).parentPort?.on('message', (event: { data?: unknown }) => {
    if (event.data === 'shutdown') void shutdown('parent');
  });
}

void main();
