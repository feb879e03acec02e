import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { MIGRATIONS } from './index.js';

const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(60)]);

describe('migration 29: ivr-prompt-replacements', () => {
  it('keeps one WAV per prompt id and refuses what is not one', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 29);
    const put = db.prepare("INSERT INTO ivr_prompt_replacements (id, wav, source, text, updated_at) VALUES (?, ?, ?, '您好', 0)");
    put.run('welcome', WAV, 'upload');
    expect(() => put.run('welcome', WAV, 'text')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => put.run('menu-main', Buffer.alloc(60), 'text')).toThrow(/CHECK/);
    expect(() => put.run('menu-main', WAV, 'tts')).toThrow(/CHECK/);
    expect(() => put.run('../etc', WAV, 'text')).toThrow(/CHECK/);
    expect(() => put.run('menu-main', 'RIFF not a blob', 'text')).toThrow(/STRICT|cannot store|CHECK/);
    put.run('menu-main', WAV, 'text');
    expect(db.prepare('SELECT id FROM ivr_prompt_replacements ORDER BY id').pluck().all()).toEqual(['menu-main', 'welcome']);
  });
});
