// A second server process on the same database file: books one slot `count` times and prints the
// outcome codes as JSON. Used by sqlite-gateway-processes.test.ts.
import { openDatabase, closeDatabase } from '../../db/database.js';
import { ManualClock } from '../../clock.js';
import { SqliteGateway } from '../sqlite-gateway.js';
import { GatewayError } from '../provident-fund-gateway.js';
import { FIXTURE_NOW, TIME_ZONE } from './gateway-fixture.js';

const [file, fundAccount, outletCode, count] = process.argv.slice(2) as [string, string, string, string];
const db = openDatabase(file);
const gateway = new SqliteGateway(db, new ManualClock(FIXTURE_NOW), TIME_ZONE);
const codes: string[] = [];
for (let i = 0; i < Number(count); i++) {
  try {
    await gateway.bookAppointment({ fundAccount, outletCode, type: 'loan_repayment', date: '2025-06-13', slot: '09:00-10:00' });
    codes.push('ok');
  } catch (error) {
    codes.push(error instanceof GatewayError ? error.code : String(error));
  }
}
closeDatabase(db);
process.stdout.write(JSON.stringify(codes));
