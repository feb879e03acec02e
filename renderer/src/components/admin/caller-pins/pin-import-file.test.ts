import { describe, expect, it } from 'vitest';
import { maskTail, parseImportFile } from './pin-import-file';

const HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';

describe('the PIN import file', () => {
  it('reads the documented JSON body, keeping each item number', () => {
    const file = JSON.stringify({
      items: [
        { subjectKind: 'person', subjectId: '330100123456', hash: HASH },
        { subjectKind: 'employer', subjectId: 'E01', hash: 'x' },
      ],
    });
    expect(parseImportFile(file)).toEqual({
      items: [
        { subjectKind: 'person', subjectId: '330100123456', hash: HASH },
        { subjectKind: 'employer', subjectId: 'E01', hash: 'x' },
      ],
      lines: [1, 2],
      problems: [],
    });
  });

  it('reads CSV with a header in any column order and a BOM, skipping blank lines; refuses rows it cannot send, by line', () => {
    const csv = `\uFEFFsubjectId,subjectKind,hash\r\n330100123456,person,${HASH}\n\nE02,company,${HASH}\n,person,${HASH}\n`;
    const parsed = parseImportFile(csv);
    expect(parsed.items).toEqual([{ subjectKind: 'person', subjectId: '330100123456', hash: HASH }]);
    expect(parsed.lines).toEqual([2]);
    expect(parsed.problems).toEqual([
      { line: 4, subjectId: 'E02', reason: 'bad_kind' },
      { line: 5, subjectId: '', reason: 'missing_field' },
    ]);
  });

  it('says when the whole file is unusable', () => {
    expect(parseImportFile('{ not json').error).toBe('unreadable');
    expect(parseImportFile('a,b,c\n1,2,3').error).toBe('unreadable');
    expect(parseImportFile('{"items":[]}').error).toBe('empty');
    expect(parseImportFile('subjectKind,subjectId,hash\n').error).toBe('empty');
    const many = 'subjectKind,subjectId,hash\n' + Array.from({ length: 10_001 }, (_, i) => `person,${i},h`).join('\n');
    expect(parseImportFile(many).error).toBe('tooMany');
  });

  it('masks all but the last four characters of an account', () => {
    expect(maskTail('330100123456')).toBe('********3456');
    expect(maskTail('E01')).toBe('E01');
  });
});
