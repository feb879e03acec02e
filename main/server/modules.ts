import type { ServerModuleFactory } from './context.js';
import { authModule } from './auth/auth-module.js';
import { PROVIDENT_FUND_MODULES } from './gateway/provident-fund-modules.js';
import { calendarModule } from './work-orders/calendar-module.js';
import { workOrdersModule } from './work-orders/work-orders-module.js';
import { callNotesModule } from './call-notes/call-notes-module.js';
import { metricsModule } from './metrics/metrics-module.js';
import { voiceModule } from './voice/voice-module.js';
import { sipServerModule } from './sip/sip-module.js';
import { acdModule } from './acd/acd-module.js';
import { backupModule } from './admin/backup-module.js';
import { opsModule } from './ops/ops-module.js';
import { smsModule } from './sms/sms-module.js';
import { wrapUpModule } from './wrap-up/wrap-up-module.js';
import { callHistoryModule } from './calls/call-history-module.js';
import { serviceHoursModule } from './voice/service-hours-module.js';
import { supervisionModule } from './supervision/supervision-module.js';
import { recordingsModule } from './recordings/recordings-module.js';
import { networkModule } from './network/network-module.js';
import { ivrAdminModule } from './ivr-admin/ivr-admin-module.js';

/**
 * The server's domains, in start order. Each entry is one line; a module that needs another's
 * service reads it from ctx.services, so order here is dependency order.
 */
export const SERVER_MODULES: readonly ServerModuleFactory[] = [
  authModule,
  backupModule,
  sipServerModule,
  acdModule,
  // The calendar before the gateway: bookable days skip holidays and include 调休 weekends.
  calendarModule,
  ...PROVIDENT_FUND_MODULES,
  workOrdersModule,
  callNotesModule,
  smsModule,
  wrapUpModule,
  callHistoryModule,
  serviceHoursModule,
  metricsModule,
  supervisionModule,
  voiceModule(),
  recordingsModule,
  networkModule,
  ivrAdminModule,
  // Last: it reads the others' services on each scrape.
  opsModule,
];

/**
 * A province or ministry server (--mode) runs no SIP, IVR, queue or media: sign-in, users and the
 * audit trail (auth), backups and the supervision network only.
 */
export const SUPERVISION_MODULES: readonly ServerModuleFactory[] = [authModule, backupModule, networkModule];

export function modulesForMode(mode: 'center' | 'province' | 'ministry'): readonly ServerModuleFactory[] {
  return mode === 'center' ? SERVER_MODULES : SUPERVISION_MODULES;
}
