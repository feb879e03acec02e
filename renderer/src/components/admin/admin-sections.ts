import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The admin console's sections (系统管理), in menu order. Each section is its own screen, loaded when
 * first opened; adding one is one entry here plus its `admin.sections.<id>` label in both languages.
 */
export interface AdminSection {
  id: string;
  component: LazyExoticComponent<ComponentType>;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  // Each section registers itself here, e.g.
  // { id: 'users', component: lazy(() => import('./users/UsersSection').then((m) => ({ default: m.UsersSection }))) },
  // Content (admin-content): the knowledge base, service hours, holiday calendars.
  { id: 'knowledge-base', component: lazy(() => import('./content/KbSection').then((m) => ({ default: m.KbSection }))) },
  { id: 'service-hours', component: lazy(() => import('./content/ServiceHoursSection').then((m) => ({ default: m.ServiceHoursSection }))) },
  { id: 'calendars', component: lazy(() => import('./content/CalendarsSection').then((m) => ({ default: m.CalendarsSection }))) },
];
