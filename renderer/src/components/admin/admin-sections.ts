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
  // People and records (issue 15): users, departments, audit log, wrap-up codes.
  { id: 'users', component: lazy(() => import('./users/UsersSection').then((m) => ({ default: m.UsersSection }))) },
  { id: 'departments', component: lazy(() => import('./departments/DepartmentsSection').then((m) => ({ default: m.DepartmentsSection }))) },
  { id: 'audit', component: lazy(() => import('./audit/AuditSection').then((m) => ({ default: m.AuditSection }))) },
  { id: 'wrapUp', component: lazy(() => import('./wrap-up/WrapUpCodesSection').then((m) => ({ default: m.WrapUpCodesSection }))) },
];
