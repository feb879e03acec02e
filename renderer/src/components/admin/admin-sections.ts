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
  // 语音导航 and 自助语音内容 (admin-ivr).
  { id: 'ivr-prompts', component: lazy(() => import('./ivr/IvrPromptsSection').then((m) => ({ default: m.IvrPromptsSection }))) },
  { id: 'ivr-content', component: lazy(() => import('./ivr/SelfServiceContentSection').then((m) => ({ default: m.SelfServiceContentSection }))) },
  // Each section registers itself here, e.g.
  // { id: 'users', component: lazy(() => import('./users/UsersSection').then((m) => ({ default: m.UsersSection }))) },
];
