import { beforeEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { stubBrowserGlobals } from '../../test-kit/browser-globals';

stubBrowserGlobals();

const { default: i18n } = await import('../../i18n');
const { MonitorControls, MonitorControlsView, monitorView } = await import('./MonitorControls');
const { useMonitorStore } = await import('../../stores/monitor-store');
const { ApiError } = await import('../../services/api-client');

type Monitoring = Parameters<typeof MonitorControlsView>[0]['monitoring'];
const IDLE: Monitoring = { callId: undefined, stage: 'idle', mode: undefined };
const render = (callId: string, monitoring: Monitoring = IDLE, error?: Error) =>
  renderToStaticMarkup(
    createElement(MonitorControlsView, { callId, agentWorkNumber: '1001', monitoring, error, onMode: () => undefined, onStop: () => undefined }),
  );
/** The buttons as [label, pressed, disabled]. */
const buttons = (html: string) =>
  [...html.matchAll(/<button([^>]*)>([^<]+)<\/button>/g)].map(([, attrs, label]) => [
    label,
    attrs!.includes('aria-pressed="true"'),
    attrs!.includes('disabled=""'),
  ]);

describe('MonitorControls', () => {
  beforeEach(async () => {
    useMonitorStore.getState().reset();
    await i18n.changeLanguage('zh-CN');
  });

  it('idle: 监听 / 密语 / 强插 to start, no 结束 (also as connected to the store)', () => {
    expect(buttons(renderToStaticMarkup(createElement(MonitorControls, { callId: 'c1' })))).toHaveLength(3);
    expect(buttons(render('c1'))).toEqual([
      ['监听', false, false],
      ['密语', false, false],
      ['强插', false, false],
    ]);
  });

  it('monitoring this call in whisper: that mode pressed, the others switch, 结束 stops', () => {
    const html = render('c1', { callId: 'c1', stage: 'active', mode: 'whisper' });
    expect(buttons(html)).toEqual([
      ['监听', false, false],
      ['密语', true, false],
      ['强插', false, false],
      ['结束监听', false, false],
    ]);
    expect(html).toContain('data-stage="active"');
  });

  it('monitoring another call: every button here is disabled (one call at a time)', () => {
    expect(buttons(render('c1', { callId: 'c2', stage: 'active', mode: 'listen' })).every(([, , disabled]) => disabled)).toBe(true);
    expect(monitorView('c1', { callId: 'c2', stage: 'active', mode: 'listen' })).toMatchObject({ here: false, elsewhere: true });
  });

  it('ringing says so; a refusal shows the translated reason, in English too', async () => {
    expect(render('c1', { callId: 'c1', stage: 'ringing', mode: 'listen' })).toContain('正在接通您的软电话');
    const busy = new ApiError(409, 'monitor_lead_busy', 'busy');
    expect(render('c1', IDLE, busy)).toContain('请先示忙');
    await i18n.changeLanguage('en');
    const html = render('c1', IDLE, busy);
    expect(buttons(html).map(([label]) => label)).toEqual(['Listen', 'Whisper', 'Barge']);
    expect(html).toContain('set not ready');
  });
});
