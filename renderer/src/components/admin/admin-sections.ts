import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { NetworkMode } from '../../../../shared/api/network';

/**
 * The admin console's sections (系统管理), in menu order. Each section is its own screen, loaded when
 * first opened; adding one is one entry here plus its `admin.sections.<id>` label in both languages.
 */
export interface AdminSection {
  id: string;
  component: LazyExoticComponent<ComponentType>;
  /** The server modes it belongs to (a center's hotline, a province's or the ministry's supervision); all when absent. */
  modes?: readonly NetworkMode[];
}

const CENTER: readonly NetworkMode[] = ['center'];
const PARENTS: readonly NetworkMode[] = ['province', 'ministry'];

/** The sections of this server's console. */
export function adminSectionsFor(mode: NetworkMode): AdminSection[] {
  return ADMIN_SECTIONS.filter((s) => !s.modes || s.modes.includes(mode));
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  // People: who signs in, the departments orders go to.
  { id: 'users', component: lazy(() => import('./users/UsersSection').then((m) => ({ default: m.UsersSection }))) },
  {
    id: 'departments',
    modes: CENTER,
    component: lazy(() => import('./departments/DepartmentsSection').then((m) => ({ default: m.DepartmentsSection }))),
  },
  // What callers and agents hear and read: the knowledge base, the IVR, its self-service content, the hours.
  { id: 'knowledge-base', modes: CENTER, component: lazy(() => import('./content/KbSection').then((m) => ({ default: m.KbSection }))) },
  { id: 'ivr-prompts', modes: CENTER, component: lazy(() => import('./ivr/IvrPromptsSection').then((m) => ({ default: m.IvrPromptsSection }))) },
  {
    id: 'ivr-content',
    modes: CENTER,
    component: lazy(() => import('./ivr/SelfServiceContentSection').then((m) => ({ default: m.SelfServiceContentSection }))),
  },
  { id: 'service-hours', modes: CENTER, component: lazy(() => import('./content/ServiceHoursSection').then((m) => ({ default: m.ServiceHoursSection }))) },
  { id: 'calendars', modes: CENTER, component: lazy(() => import('./content/CalendarsSection').then((m) => ({ default: m.CalendarsSection }))) },
  { id: 'wrapUp', modes: CENTER, component: lazy(() => import('./wrap-up/WrapUpCodesSection').then((m) => ({ default: m.WrapUpCodesSection }))) },
  // Callers' telephone PINs, set at an outlet after an identity check.
  { id: 'callerPins', modes: CENTER, component: lazy(() => import('./caller-pins/CallerPinsSection').then((m) => ({ default: m.CallerPinsSection }))) },
  // A province's or the ministry's reporting units and their feed tokens.
  { id: 'network', modes: PARENTS, component: lazy(() => import('../network/NetworkRegistrySection').then((m) => ({ default: m.NetworkRegistrySection }))) },
  // Operations and accountability.
  { id: 'backups', component: lazy(() => import('./backups/BackupsSection').then((m) => ({ default: m.BackupsSection }))) },
  { id: 'audit', component: lazy(() => import('./audit/AuditSection').then((m) => ({ default: m.AuditSection }))) },
];
