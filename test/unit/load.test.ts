// load/: YAML with positions, and paths that never leave the plan folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { nodeHost } from '../../src/core/host.js';
import { locate, parseYamlFile } from '../../src/load/yamlFile.js';
import { resolveInPlan } from '../../src/load/planPaths.js';
import { checkLogoShape } from '../../src/load/logoCheck.js';
import { loadPlan } from '../../src/load/planLoader.js';
import { memoryHost } from '../../src/core/memoryHost.js';
import { FIXTURES } from '../helpers/planCopy.js';

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

  it('says to indent with spaces at a tab, and reports nothing of the tree the parser rebuilt after it', () => {
    // The parser's recovery after the tab makes `- id: c` a complex key (line 5): not what was written.
    const tab = parse('s:\n  - id: b\n\ttitle: b\n    blocks: []\n  - id: c\n    title: y\n');
    expect(tab.lines).toEqual(['3:1 load/yaml-syntax']);
    expect(tab.sink.items[0]?.message).toBe('YAML syntax error: this line is indented with a tab; indent with spaces, not tabs');
    // What lies before the syntax error is still reported.
    expect(parse('a: &x 1\nb:\n\tc: 1\nd: *x\n').lines).toEqual(['3:1 load/yaml-syntax', '1:4 load/alias']);
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

describe('duplicate keys', () => {
  // The parser's own check compared every key with every other: 10 000 keys took 8.5 s, 100 000 would
  // take minutes. In one pass 100 000 keys take about 1.5 s on an idle machine (the bound allows for a busy one).
  it('are found in one pass: 100 000 keys with one repeated', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`);
    keys.splice(70_000, 0, 'k5: again');
    const t0 = performance.now();
    const { lines, sink } = parse(`${keys.join('\n')}\n`);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(lines).toEqual(['70001:1 load/duplicate-key']);
    expect(sink.items[0]?.message).toBe("the key 'k5' appears twice in the same map");
  });

  it('compare keys as the parser does: in flow maps too, 1 and "1" differ, null keys repeat', () => {
    expect(parse('a: {x: 1, y: 2, x: 3}\n').lines).toEqual(['1:17 load/duplicate-key']);
    expect(parse('1: a\n"1": b\n').lines).toEqual([]);
    expect(parse('a:\n  b: 1\nc:\n  b: 2\n').lines).toEqual([]);
    expect(parse('? \n: 1\n? \n: 2\n').lines).toEqual(['3:3 load/duplicate-key']);
  });
});

describe('text as people paste it', () => {
  it('reads decomposed letters (macOS) as composed ones, with a warning at the place', () => {
    const { file, sink, lines } = parse('title: "Ha\u030Aland og Ro\u0308ros"\nok: fint\nid: e\u0301\n');
    expect(file.value).toEqual({ title: 'Håland og Röros', ok: 'fint', id: 'é' });
    expect(lines).toEqual(['1:10 load/not-nfc', '3:5 load/not-nfc']);
    expect(sink.items.every((d) => d.severity === 'warning')).toBe(true);
    expect(sink.hasErrors).toBe(false);
  });

  it('keeps the narrow no-break space as a no-break space the font has', () => {
    const { file, lines } = parse('p: "10\u202F000 kroner"\n');
    expect(lines).toEqual([]);
    expect(file.value).toEqual({ p: '10\u00A0000 kroner' });
  });
});

describe('the logo check', () => {
  const svg = (inner: string, root = 'viewBox="0 0 100 100"'): string => `<svg xmlns="http://www.w3.org/2000/svg" ${root}>\n${inner}\n</svg>\n`;
  it('passes a plain logo and the example logos', () => {
    expect(checkLogoShape(svg('<path d="M0 0 L10 10 Z" fill="#3e9"/><circle cx="5" cy="5" r="2" style="fill:#1e5e5e"/>'))).toBeUndefined();
    for (const f of ['testvik.svg']) expect(checkLogoShape(fs.readFileSync(path.join(FIXTURES, 'kommunar', f), 'utf8'))).toBeUndefined();
  });

  it('refuses extreme numbers, deep nesting, bad XML and elements that multiply drawings, at their line and column', () => {
    const at = (s: string) => {
      const p = checkLogoShape(s);
      return p && `${p.line}:${p.col} ${p.reason}`;
    };
    expect(at(svg('<path d="M0 0"/>', 'viewBox="0 0 1e-30 1e-30"'))).toBe('1:1 the viewBox of <svg> is 1e-30 × 1e-30; each side must be at least 0.001');
    expect(at(svg(`${'<g>'.repeat(30_000)}<path d="M0 0"/>${'</g>'.repeat(30_000)}`))).toBe(`2:${64 * 3 - 2} its elements are nested more than 64 levels deep`);
    expect(at(svg('<path d="M0 0 L1e308 5"/>'))).toBe('2:1 the number 1e308 in d="…" of <path> is too large or not a number (the limit is 1000000)');
    expect(at(svg('<rect width="Infinity" height="1"/>'))).toMatch(/^2:1 the number Infinity/);
    expect(at(svg('<g transform="scale(100000) scale(100000)"><path d="M0 0"/></g>'))).toBe('2:1 the transforms and viewBoxes around <g> enlarge it more than 1000000000 times');
    expect(at(svg('<use href="#a"/>'))).toMatch(/^2:1 it contains <use>/);
    expect(at(svg('<g><path d="M0 0"></g>'))).toMatch(/^2:\d+ it is not well-formed XML/);
    expect(at('<html><svg/></html>')).toBe('1:1 its root element is <html>, not <svg>');
    expect(at(svg('<style>.a{stroke-width:1e99}</style>'))).toMatch(/the number 1e99 in the style sheet/);
  });
});

describe('loading from memory', () => {
  it('loads a plan folder and its chapter without touching the disk', () => {
    const host = memoryHost({ '/p/x/plan.yaml': 'id: x\nchapters: [k.yaml]\n', '/p/x/k.yaml': 'id: k\n' }, { cwd: '/p' });
    const sink = new DiagnosticSink();
    const sources = loadPlan(host, 'x', sink);
    expect(sink.items).toEqual([]);
    expect(sources?.files.map((f) => [f.display, f.value])).toEqual([['x/plan.yaml', { id: 'x', chapters: ['k.yaml'] }], ['x/k.yaml', { id: 'k' }]]);
  });
});
