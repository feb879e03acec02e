import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Role } from '../../../shared/api/auth.js';
import type { Clock } from '../clock.js';
import { hashPassword, sipHa1 } from './password-hash.js';
import type { UserRepository } from './user-repository.js';

export const BOOTSTRAP_ADMIN = '9001';

interface DemoUser {
  workNumber: string;
  displayName: string;
  role: Role;
  department: string | null;
}

const AGENT_NAMES = ['张敏', '李强', '王芳', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周杰', '吴霞'];

export const DEMO_USERS: readonly DemoUser[] = [
  ...AGENT_NAMES.map((displayName, i) => ({ workNumber: String(1001 + i), displayName, role: 'agent' as const, department: '热线管理科' })),
  { workNumber: '2001', displayName: '孙浩', role: 'team_lead', department: '热线管理科' },
  { workNumber: '2101', displayName: '林悦', role: 'quality', department: '热线管理科' },
  { workNumber: '3001', displayName: '郑伟', role: 'department_handler', department: '贷款科' },
  { workNumber: '3002', displayName: '冯娟', role: 'department_handler', department: '归集科' },
  { workNumber: '3101', displayName: '何刚', role: 'department_leader', department: '热线管理科' },
];

export const demoPassword = (workNumber: string) => `demo${workNumber}`;

async function insertUser(users: UserRepository, clock: Clock, centerCode: string, user: DemoUser, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  users.insert({ ...user, centerCode, passwordHash, sipHa1: sipHa1(user.workNumber, password) }, clock.now());
}

/** First start: a center admin, so that someone can sign in and create the others. */
export async function bootstrapAdmin(
  users: UserRepository,
  clock: Clock,
  centerCode: string,
  logger: Logger,
  configuredPassword: string | undefined,
): Promise<void> {
  if (users.count() > 0) return;
  const password = configuredPassword && configuredPassword.length > 0 ? configuredPassword : randomBytes(12).toString('base64url');
  await insertUser(users, clock, centerCode, { workNumber: BOOTSTRAP_ADMIN, displayName: '中心管理员', role: 'center_admin', department: null }, password);
  if (configuredPassword) {
    logger.warn(
      { event: 'admin_bootstrap', workNumber: BOOTSTRAP_ADMIN },
      'created center admin 9001 with the configured password (adminPassword, AGENT_DESK_ADMIN_PASSWORD)',
    );
  } else {
    // The only time this password is ever shown: the admin changes it after signing in.
    logger.warn(
      { event: 'admin_bootstrap', workNumber: BOOTSTRAP_ADMIN, initialPassword: password },
      'created center admin 9001 with a random password; change it after signing in',
    );
  }
}

/** Demo only (config.demo): well-known passwords, never on a real center's server. Idempotent. */
export async function bootstrapDemoUsers(users: UserRepository, clock: Clock, centerCode: string, logger: Logger): Promise<void> {
  const missing = DEMO_USERS.filter((u) => !users.findByWorkNumber(u.workNumber));
  for (const user of missing) await insertUser(users, clock, centerCode, user, demoPassword(user.workNumber));
  logger.warn(
    { event: 'demo_users', created: missing.map((u) => u.workNumber) },
    'demo mode: demo users 1001-1010, 2001, 2101, 3001, 3002, 3101 have the password demo<work number>; never run --demo on a real center',
  );
}
