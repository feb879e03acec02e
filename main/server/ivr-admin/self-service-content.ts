// The embedded store's policies and outlets (migration 5's pf_policies, pf_outlets) as the center
// admin edits them. A center on a core system over HTTP edits them there instead.
import type { Db } from '../db/database.js';
import type { Outlet, PolicyDocument } from '../../../shared/api/gateway.js';
import type { CreateOutletRequest, OutletRequest } from '../../../shared/api/self-service-content.js';
import { HttpError } from '../http/http-app.js';

export type PolicyInput = Omit<PolicyDocument, 'id'>;
export type OutletRow = Outlet & { slotCapacity: number };

export class SelfServiceContent {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      policies: db.prepare<[], PolicyDocument>(
        'SELECT CAST(id AS TEXT) AS id, category, title, summary, body, effective_from AS effectiveFrom FROM pf_policies ORDER BY category, id',
      ),
      policy: db.prepare<[number], PolicyDocument>(
        'SELECT CAST(id AS TEXT) AS id, category, title, summary, body, effective_from AS effectiveFrom FROM pf_policies WHERE id = ?',
      ),
      insertPolicy: db.prepare<[string, string, string, string, string]>(
        'INSERT INTO pf_policies (category, title, summary, body, effective_from) VALUES (?, ?, ?, ?, ?)',
      ),
      updatePolicy: db.prepare<[string, string, string, string, string, number]>(
        'UPDATE pf_policies SET category = ?, title = ?, summary = ?, body = ?, effective_from = ? WHERE id = ?',
      ),
      deletePolicy: db.prepare<[number]>('DELETE FROM pf_policies WHERE id = ?'),
      outlets: db.prepare<[], OutletRow>('SELECT code, name, district, address, hours, phone, slot_capacity AS slotCapacity FROM pf_outlets ORDER BY code'),
      outlet: db.prepare<[string], OutletRow>(
        'SELECT code, name, district, address, hours, phone, slot_capacity AS slotCapacity FROM pf_outlets WHERE code = ?',
      ),
      insertOutlet: db.prepare<[string, string, string, string, string, string, number]>(
        'INSERT INTO pf_outlets (code, name, district, address, hours, phone, slot_capacity) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      updateOutlet: db.prepare<[string, string, string, string, string, number, string]>(
        'UPDATE pf_outlets SET name = ?, district = ?, address = ?, hours = ?, phone = ?, slot_capacity = ? WHERE code = ?',
      ),
      deleteOutlet: db.prepare<[string]>('DELETE FROM pf_outlets WHERE code = ?'),
      bookings: db.prepare<[string], number>(
        "SELECT count(*) FROM pf_appointments a JOIN pf_outlets o ON o.id = a.outlet_id WHERE o.code = ? AND a.status = 'booked'",
      ),
      anyBooking: db.prepare<[string], number>('SELECT count(*) FROM pf_appointments a JOIN pf_outlets o ON o.id = a.outlet_id WHERE o.code = ?'),
    };
  }

  policies(): PolicyDocument[] {
    return this.q.policies.all();
  }

  policy(id: number): PolicyDocument {
    const found = this.q.policy.get(id);
    if (!found) throw new HttpError(404, 'policy_not_found', `no policy ${id}`);
    return found;
  }

  createPolicy(p: PolicyInput): PolicyDocument {
    const id = Number(this.q.insertPolicy.run(p.category, p.title, p.summary, p.body, p.effectiveFrom).lastInsertRowid);
    return this.policy(id);
  }

  updatePolicy(id: number, p: PolicyInput): PolicyDocument {
    this.policy(id);
    this.q.updatePolicy.run(p.category, p.title, p.summary, p.body, p.effectiveFrom, id);
    return this.policy(id);
  }

  deletePolicy(id: number): PolicyDocument {
    const was = this.policy(id);
    this.q.deletePolicy.run(id);
    return was;
  }

  outlets(): OutletRow[] {
    return this.q.outlets.all();
  }

  outlet(code: string): OutletRow {
    const found = this.q.outlet.get(code);
    if (!found) throw new HttpError(404, 'outlet_not_found', `no outlet ${code}`, { field: 'code' });
    return found;
  }

  createOutlet(o: CreateOutletRequest): OutletRow {
    if (this.q.outlet.get(o.code)) throw new HttpError(409, 'outlet_code_taken', `outlet ${o.code} exists`, { field: 'code' });
    this.q.insertOutlet.run(o.code, o.name, o.district, o.address, o.hours, o.phone, o.slotCapacity);
    return this.outlet(o.code);
  }

  updateOutlet(code: string, o: OutletRequest): OutletRow {
    this.outlet(code);
    this.q.updateOutlet.run(o.name, o.district, o.address, o.hours, o.phone, o.slotCapacity, code);
    return this.outlet(code);
  }

  /** An outlet with appointments (even cancelled ones) keeps them: its history would lose its place. */
  deleteOutlet(code: string): OutletRow {
    const was = this.outlet(code);
    if (this.q.anyBooking.pluck().get(code)! > 0) {
      throw new HttpError(409, 'outlet_has_appointments', `outlet ${code} has ${this.q.bookings.pluck().get(code)} booked appointment(s)`);
    }
    this.q.deleteOutlet.run(code);
    return was;
  }
}
