import type { Db } from '../db/database.js';
import type { UserRow } from './user-repository.js';

export type SessionUserRow = UserRow & { expires_at: number };

/** Sessions by token digest; the join gives the user's current role, so a change applies at once. */
export class SessionRepository {
  private readonly insertStmt;
  private readonly findStmt;
  private readonly touchStmt;
  private readonly deleteStmt;
  private readonly deleteForUserStmt;
  private readonly purgeStmt;
  private readonly sipHa1sStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at, sip_ha1) VALUES (?, ?, ?, ?, ?)');
    this.sipHa1sStmt = db
      .prepare<[number, number], string>('SELECT sip_ha1 FROM sessions WHERE user_id = ? AND expires_at > ? AND sip_ha1 IS NOT NULL')
      .pluck();
    this.findStmt = db.prepare<[string], SessionUserRow>(
      'SELECT users.*, sessions.expires_at FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.token_hash = ?',
    );
    this.touchStmt = db.prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?');
    this.deleteStmt = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
    this.deleteForUserStmt = db.prepare('DELETE FROM sessions WHERE user_id = ?');
    this.purgeStmt = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  }

  insert(tokenHash: string, userId: number, now: number, expiresAt: number, sipHa1: string | null = null): void {
    this.insertStmt.run(tokenHash, userId, now, expiresAt, sipHa1);
  }
  /** HA1s of the user's live sessions' SIP secrets. */
  sipHa1s(userId: number, now: number): string[] {
    return this.sipHa1sStmt.all(userId, now);
  }
  find(tokenHash: string): SessionUserRow | undefined {
    return this.findStmt.get(tokenHash);
  }
  touch(tokenHash: string, expiresAt: number): void {
    this.touchStmt.run(expiresAt, tokenHash);
  }
  delete(tokenHash: string): void {
    this.deleteStmt.run(tokenHash);
  }
  deleteForUser(userId: number): void {
    this.deleteForUserStmt.run(userId);
  }
  purgeExpired(now: number): void {
    this.purgeStmt.run(now);
  }
}
