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
  // admin-ops: backups, then telephone PINs at the outlet.
  { id: 'backups', component: lazy(() => import('./backups/BackupsSection').then((m) => ({ default: m.BackupsSection }))) },
  { id: 'callerPins', component: lazy(() => import('./caller-pins/CallerPinsSection').then((m) => ({ default: m.CallerPinsSection }))) },
];
