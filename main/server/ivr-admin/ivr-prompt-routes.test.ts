import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authModule } from '../auth/auth-module.js';
import { gatewayModule } from '../gateway/gateway-module.js';
import { startTestServer, type TestServer } from '../auth/server-test-kit.js';
import { ivrPromptListSchema, ivrPromptSchema, promptTicketResponseSchema } from '../../../shared/api/ivr-prompts.js';
import { PromptLibrary } from '../voice/prompt-library.js';
import { promptDirs } from '../ivr/prompt-dirs.js';
import { parsePromptWav } from '../media/wav-file.js';
import { ivrAdminModule } from './ivr-admin-module.js';

describe('语音导航 prompts over HTTP: replace from text or by upload, preview, revert', () => {
  let server: TestServer;
  let admin: string;
  let library: PromptLibrary;
  const audits = (action: string) =>
    server.db.prepare('SELECT entity_id AS id, detail FROM audit_log WHERE action = ? ORDER BY id').all(action) as Array<{ id: string; detail: string }>;

  beforeAll(async () => {
    server = await startTestServer([authModule, gatewayModule, ivrAdminModule], { config: { adminPassword: 'admin-pass-2026' } });
    admin = await server.login('9001', 'admin-pass-2026');
    library = new PromptLibrary(promptDirs(server.ctx.config));
  });
  afterAll(() => server?.stop());

  it('is for the center admin only', async () => {
    const agent = await server.login('1001');
    expect((await server.call('GET', '/api/v1/ivr/prompts', agent)).status).toBe(403);
    expect((await server.call('PUT', '/api/v1/ivr/prompts/welcome/text', agent, { text: '你好' })).status).toBe(403);
    expect((await server.call('GET', '/api/v1/ivr/prompts')).status).toBe(401);
  });

  it('lists every shipped prompt with its text, menus first', async () => {
    const list = ivrPromptListSchema.parse((await server.call('GET', '/api/v1/ivr/prompts', admin)).body);
    expect(list.prompts.length).toBeGreaterThan(100);
    const main = list.prompts.find((p) => p.id === 'menu-main')!;
    expect(main).toMatchObject({ menu: true, replaced: null, text: main.defaultText });
    expect(main.defaultText).toContain('业务指南请按一');
    expect(list.prompts.find((p) => p.id === 'welcome')).toMatchObject({ menu: false, text: '欢迎致电一二三二九住房公积金热线。' });
    // 5.3 s of speech (84 684 bytes at 16 bytes a millisecond).
    expect(list.prompts.find((p) => p.id === 'welcome')!.durationMs).toBe(5290);
    expect(list.prompts[0]!.menu).toBe(true);
  });

  it('makes a menu text into speech that the IVR plays from then on; bad text is refused on its field', async () => {
    const text = '业务指南请按一，业务查询请按二，人工服务请按零。';
    const saved = await server.call('PUT', '/api/v1/ivr/prompts/menu-main/text', admin, { text });
    expect(saved.status).toBe(200);
    expect(ivrPromptSchema.parse(saved.body)).toMatchObject({ id: 'menu-main', text, replaced: { source: 'text', updatedBy: '9001', fileName: null } });
    const file = join(server.ctx.config.dataDir, 'prompts', 'zh', 'menu-main.wav');
    expect(library.file('menu-main')).toBe(file);
    expect(parsePromptWav(readFileSync(file), file).length).toBeGreaterThan(8000);
    expect(audits('ivr.prompt.text')).toEqual([{ id: 'menu-main', detail: expect.stringContaining(text) }]);

    const empty = await server.call('PUT', '/api/v1/ivr/prompts/menu-main/text', admin, { text: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.details[0]).toMatchObject({ path: 'text' });
    expect((await server.call('PUT', '/api/v1/ivr/prompts/no-such/text', admin, { text: '好' })).body.code).toBe('prompt_not_found');
  });

  it('converts an uploaded recording, refuses a bad one with its reason, and reverts to the shipped prompt', async () => {
    const tone = join(server.ctx.config.dataDir, 'tone.wav');
    execFileSync('sox', ['-n', '-r', '44100', '-c', '2', tone, 'synth', '1.2', 'sine', '500']);
    const upload = (data: Buffer, fileName = 'welcome-new.wav') =>
      server.call('PUT', '/api/v1/ivr/prompts/welcome/recording', admin, { fileName, data: data.toString('base64') });

    const bad = await upload(Buffer.from('this is a text file, not audio'), 'notes.txt');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'prompt_format_unsupported', details: { field: 'file' } });
    expect(library.file('welcome')).toContain(join('resources', 'prompts', 'zh'));

    const saved = await upload(readFileSync(tone));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ replaced: { source: 'upload', fileName: 'welcome-new.wav' }, text: '欢迎致电一二三二九住房公积金热线。' });
    expect(saved.body.durationMs).toBeGreaterThan(1200);
    expect(saved.body.durationMs).toBeLessThan(1400);
    expect(library.file('welcome')).toBe(join(server.ctx.config.dataDir, 'prompts', 'zh', 'welcome.wav'));
    expect(JSON.parse(audits('ivr.prompt.upload')[0]!.detail)).toMatchObject({ fileName: 'welcome-new.wav', workNumber: '9001' });

    const reverted = await server.call('DELETE', '/api/v1/ivr/prompts/welcome', admin);
    expect(reverted.body).toMatchObject({ replaced: null, durationMs: 5290 });
    expect(existsSync(join(server.ctx.config.dataDir, 'prompts', 'zh', 'welcome.wav'))).toBe(false);
    expect(library.file('welcome')).toContain(join('resources', 'prompts', 'zh'));
    expect(audits('ivr.prompt.revert').map((a) => a.id)).toEqual(['welcome']);
  });

  it('streams a prompt to an <audio> element with a ticket for that prompt only, with Range', async () => {
    const issued = promptTicketResponseSchema.parse((await server.call('POST', '/api/v1/ivr/prompts/menu-main/ticket', admin)).body);
    const audio = await fetch(server.url + issued.url);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    expect(audio.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await audio.arrayBuffer()).equals(readFileSync(library.file('menu-main')))).toBe(true);
    const part = await fetch(server.url + issued.url, { headers: { range: 'bytes=0-43' } });
    expect(part.status).toBe(206);
    expect((await part.arrayBuffer()).byteLength).toBe(44);

    // The ticket names its prompt; no ticket and no token is no audio.
    expect((await fetch(server.url + issued.url.replace('menu-main', 'welcome'))).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/ivr/prompts/menu-main/audio`)).status).toBe(401);
    // Signed out: the session's tickets stop working.
    await server.call('POST', '/api/v1/auth/logout', admin);
    expect((await fetch(server.url + issued.url)).status).toBe(401);
    admin = await server.login('9001', 'admin-pass-2026');
  });
});
