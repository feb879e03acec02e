import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PoliciesPanel } from './PoliciesPanel';
import { OutletsPanel } from './OutletsPanel';
import './admin-ivr.css';

/** 自助语音内容: the policies and outlets the IVR reads in 业务指南; a save makes the speech callers hear. */
export function SelfServiceContentSection() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'policies' | 'outlets'>('policies');
  return (
    <div data-testid="ivr-content-section">
      <div className="ivr-toolbar" role="group" aria-label={t('adminIvr.content.title')}>
        {(['policies', 'outlets'] as const).map((k) => (
          <button key={k} type="button" className="button" aria-pressed={tab === k} onClick={() => setTab(k)} data-testid={`content-tab-${k}`}>
            {t(`adminIvr.content.${k}`)}
          </button>
        ))}
        <span className="muted">{t('adminIvr.content.hint')}</span>
      </div>
      {tab === 'policies' ? <PoliciesPanel /> : <OutletsPanel />}
    </div>
  );
}
