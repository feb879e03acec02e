import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminSectionsFor } from './admin-sections';
import { useConnectionStore } from '../../stores/connection-store';

/** 系统管理 for the center's admin: a menu of sections, one shown at a time. */
export function AdminScreen() {
  const { t } = useTranslation();
  const sections = adminSectionsFor(useConnectionStore((s) => s.networkMode));
  const [chosen, setChosen] = useState(sections[0]?.id);
  const section = sections.find((s) => s.id === chosen) ?? sections[0];
  if (!section) return <main className="admin-screen" data-testid="admin-screen" />;
  const Section = section.component;
  return (
    <main className="admin-screen" data-testid="admin-screen">
      <nav className="admin-screen__menu" aria-label={t('admin.title')}>
        {sections.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`admin-screen__item ${s.id === section.id ? 'admin-screen__item--on' : ''}`}
            aria-current={s.id === section.id ? 'page' : undefined}
            data-testid={`admin-section-${s.id}`}
            onClick={() => setChosen(s.id)}
          >
            {t(`admin.sections.${s.id}`)}
          </button>
        ))}
      </nav>
      <section className="admin-screen__body" aria-label={t(`admin.sections.${section.id}`)}>
        <Suspense fallback={<p className="muted">{t('admin.loading')}</p>}>
          <Section />
        </Suspense>
      </section>
    </main>
  );
}
