import { spawn } from 'node:child_process';

/** A command-line tool that failed: `missing` when it is not installed, else its exit and stderr. */
export class ToolError extends Error {
  override name = 'ToolError';
  constructor(
    readonly tool: string,
    readonly reason: 'missing' | 'failed' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

/** Long enough for a minute of speech on a busy machine; a hung tool must not hold a request forever. */
const TOOL_TIMEOUT_MS = 60_000;

/**
 * Runs a tool without a shell (arguments are never parsed by one), with optional stdin; resolves
 * with its stdout and stderr, rejects with a ToolError naming the tool and the reason.
 */
export function runTool(tool: string, args: readonly string[], options: { stdin?: string } = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: TOOL_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d.length + stderr.length > 8_000 ? '' : d));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(new ToolError(tool, error.code === 'ENOENT' ? 'missing' : 'failed', `${tool}: ${error.code === 'ENOENT' ? 'not installed' : error.message}`)),
    );
    child.on('close', (code, signal) => {
      if (code === 0) return resolve({ stdout, stderr });
      if (signal) return reject(new ToolError(tool, 'timeout', `${tool} stopped by ${signal}`));
      reject(new ToolError(tool, 'failed', `${tool} exited with ${String(code)}: ${stderr.trim().split('\n').slice(-3).join(' ')}`));
    });
    // A tool that exits before reading its input (bad arguments) closes the pipe: not our error.
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
  });
}
