// load/: YAML with positions, and paths that never leave the plan folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { nodeHost } from '../../src/core/host.js';
import { locate, parseYamlFile } from '../../src/load/yamlFile.js';
import { resolveInPlan } from '../../src/load/planPaths.js';

const parse = (text: string | Buffer) => {
  const sink = new DiagnosticSink();
  const file = parseYamlFile('plan', 'f.yaml', '/f.yaml', Buffer.isBuffer(text) ? text : Buffer.from(text), sink);
  return { file, sink, lines: sink.items.map((d) => `${d.span.line}:${d.span.col} ${d.code}`) };
};

describe('parseYamlFile', () => {
  it('keeps positions: locate finds a value and its key', () => {
    const { file, sink } = parse('a: 1\nb:\n  c: [x, "y"]\n');
    expect(sink.items).toEqual([]);
    expect(file.value).toEqual({ a: 1, b: { c: ['x', 'y'] } });
    expect(locate(file, ['b', 'c', 1])).toMatchObject({ line: 3, col: 10 });
    expect(locate(file, ['b', 'c'], true)).toMatchObject({ line: 3, col: 3 });
    expect(locate(file, ['b', 'missing'])).toMatchObject({ line: 3, col: 3 }); // nearest parent
  });

  it('reads YAML 1.2 core: dates and leading zeros stay strings, NO stays a string', () => {
    const { file } = parse('d: 2022-09-05\nn: "0301"\nw: NO\nz: 0301\n');
    expect(file.value).toEqual({ d: '2022-09-05', n: '0301', w: 'NO', z: 301 });
  });

  it('drops a BOM without shifting positions', () => {
    const { file, sink } = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 1\nb: 2\n')]));
    expect(sink.items).toEqual([]);
    expect(locate(file, ['b'])).toMatchObject({ line: 2, col: 4 });
  });

  it('reports duplicate keys with the key name, aliases, tags, directives and reserved keys', () => {
    expect(parse('title: a\ntitle: b\n').sink.items[0]?.message).toContain("'title'");
    expect(parse('a: &x 1\nb: *x\n').lines).toEqual(['1:4 load/alias', '2:4 load/alias']);
    expect(parse('a: !foo 1\n').lines).toEqual(['1:4 load/tag']);
    expect(parse('%YAML 1.1\n---\na: 1\n').lines).toEqual(['1:1 load/directive']);
    expect(parse('__proto__: 1\n').lines).toEqual(['1:1 load/reserved-key']);
  });

  it('reports several documents, empty files and bad bytes at their place', () => {
    expect(parse('a: 1\n---\nb: 2\n').lines).toEqual(['2:1 load/multiple-documents']);
    expect(parse('').lines).toEqual(['1:1 load/empty-file']);
    expect(parse('# only a comment\n').lines).toEqual(['1:1 load/empty-file']);
    expect(parse(Buffer.from([0x61, 0x3a, 0x20, 0x62, 0x0a, 0x63, 0x3a, 0x20, 0xe5, 0x0a])).lines).toEqual(['2:4 load/not-utf8']);
  });

  it('points a syntax error at the place a person must fix', () => {
    expect(parse('a: 1\nk: [1, 2\nb: 3\n').lines).toEqual(['2:4 load/yaml-syntax']);
    expect(parse('a: "open\nb: 2\n').lines).toEqual(['1:4 load/yaml-syntax']);
    expect(parse('p: Merk: dette\n').sink.items[0]?.message).toContain('quotes');
  });

  it('caps repeated diagnostics of one kind per file', () => {
    const text = Array.from({ length: 30 }, (_, i) => `k${i}: &a${i} ${i}`).join('\n');
    expect(parse(text).lines.length).toBe(5);
  });
});

describe('resolveInPlan', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-paths-'));
  fs.mkdirSync(path.join(root, 'data'));
  fs.writeFileSync(path.join(root, 'data', 'a.yaml'), 'a: 1\n');
  fs.symlinkSync('/etc/hostname', path.join(root, 'data', 'out.yaml'));
  fs.symlinkSync('/nowhere-at-all', path.join(root, 'gone'));

  it('resolves files inside the folder', () => {
    expect(resolveInPlan(nodeHost, root, 'data/a.yaml')).toMatchObject({ ok: true });
    expect(resolveInPlan(nodeHost, root, './data/../data/a.yaml')).toMatchObject({ ok: true });
  });

  it('refuses absolute paths, URLs, .. escapes and links out, even dangling ones', () => {
    for (const p of ['/etc/passwd', 'https://example.com/a.yaml', 'file:///etc/passwd', '../x.yaml', 'data/../../x.yaml', 'data/out.yaml', 'gone/a.yaml', 'C:\\x.yaml'.replace('C:', 'c:')]) {
      expect(resolveInPlan(nodeHost, root, p), p).toEqual({ ok: false, reason: 'outside' });
    }
    expect(resolveInPlan(nodeHost, root, 'data/none.yaml')).toEqual({ ok: false, reason: 'missing' });
  });
});
