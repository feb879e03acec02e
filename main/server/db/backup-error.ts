/** Why a backup failed; the CLI maps each kind to its own exit code (docs/operations.md). */
export type BackupErrorKind = 'source' | 'output' | 'verify';

export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly kind: BackupErrorKind,
    message: string,
  ) {
    super(message);
  }
}
