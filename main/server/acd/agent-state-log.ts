import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.js';
import type { Clock } from '../clock.js';
import type { AgentState } from '../../../shared/acd/agent-state-machine.js';

/** An agent who was signed in when the server stopped, and the state they were in. */
export interface AgentAtRestart {
  agentId: number;
  state: AgentState;
  reason: string | null;
}

/** agent_state_log: every agent state change (wallboard, attendance), written by the ACD only. */
export class AgentStateLog {
  private readonly insert: Statement;
  private readonly signedIn: Statement;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare('INSERT INTO agent_state_log (agent_id, state, reason, call_id, at) VALUES (?, ?, ?, ?, ?)');
    this.signedIn = db.prepare(`SELECT l.agent_id AS agentId, l.state, l.reason FROM agent_state_log l
                                WHERE l.id = (SELECT MAX(id) FROM agent_state_log WHERE agent_id = l.agent_id) AND l.state <> 'signed_out'`);
  }

  write(agentId: number, state: AgentState, reason: string | null, callId: string | null): void {
    this.insert.run(agentId, state, reason, callId, this.clock.now());
  }

  /** At start: agents still signed in are logged out now; returns the states to give back. */
  signOutAfterRestart(reason = 'server_restart'): AgentAtRestart[] {
    return this.db.transaction(() => {
      const agents = this.signedIn.all() as AgentAtRestart[];
      for (const agent of agents) this.write(agent.agentId, 'signed_out', reason, null);
      return agents;
    })();
  }
}
