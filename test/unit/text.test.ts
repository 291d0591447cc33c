// validate/textCheck and validate/linkCheck: text as people paste it — no-break spaces, narrow
// no-break spaces, decomposed letters — and links that go only to web and e-mail addresses.
import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { parseYamlFile } from '../../src/load/yamlFile.js';
import { checkText, MAX_WORD_LENGTH } from '../../src/validate/textCheck.js';
import { badLinks, linkTargetProblem } from '../../src/validate/linkCheck.js';

const check = (yaml: string) => {
  const sink = new DiagnosticSink();
  const file = parseYamlFile('chapter', 'k.yaml', '/k.yaml', Buffer.from(yaml), sink);
  checkText([file], sink);
  return { sink, lines: sink.items.map((d) => `${d.span.line}:${d.span.col} ${d.code}`) };
};

describe('word length', () => {
  it('counts words joined by no-break spaces (U+00A0, U+2007, U+202F) as one word', () => {
    const word = 'a'.repeat(50);
    for (const nbsp of ['\u00A0', '\u2007', '\u202F']) {
      const joined = Array.from({ length: 5 }, () => word).join(nbsp); // 254 characters, no break
      expect(check(`p: "${joined}"\n`).lines, `U+${nbsp.codePointAt(0)!.toString(16)}`).toEqual(['1:4 limit/word-length']);
    }
    expect(check(`p: "${Array.from({ length: 5 }, () => word).join(' ')}"\n`).lines).toEqual([]);
    expect(check(`p: "${'b'.repeat(MAX_WORD_LENGTH)}"\n`).lines).toEqual([]);
  });

  it('accepts the narrow no-break space (10 000 kroner) and decomposed letters, with only a warning for those', () => {
    expect(check('p: "10\u202F000 kroner"\n').lines).toEqual([]);
    const nfd = check('p: "Ha\u030Aland"\n');
    expect(nfd.lines).toEqual(['1:6 load/not-nfc']); // at the a of Ha + U+030A
    expect(nfd.sink.hasErrors).toBe(false);
  });
});

describe('links', () => {
  it('allow web and e-mail addresses only', () => {
    for (const ok of ['https://www.regjeringen.no/no/id4/', 'http://example.no', 'mailto:post@alver.kommune.no', 'HTTPS://EXAMPLE.NO']) expect(linkTargetProblem(ok), ok).toBeUndefined();
    expect(linkTargetProblem('../../etc/passwd')).toBe('it is a path, not a web address');
    expect(linkTargetProblem('vedlegg/plan.pdf')).toBe('it is a path, not a web address');
    expect(linkTargetProblem('#kapittel-2')).toBe('it points into a document, not to a web address');
    expect(linkTargetProblem('file:///etc/passwd')).toBe('links of the kind file: are not allowed');
    expect(linkTargetProblem('javascript:alert(1)')).toBe('links of the kind javascript: are not allowed');
    expect(linkTargetProblem('data:text/html,x')).toBe('links of the kind data: are not allowed');
    expect(linkTargetProblem('https:/etc/passwd')).toBe('it is not a complete web address (https://name.example/…)');
    expect(linkTargetProblem('mailto:nobody')).toBe('it is not an e-mail address (mailto:name@example.no)');
  });

  it('finds every link target as the model parses it, inside footnotes too, and not escaped ones', () => {
    expect(badLinks('Sjå [planen](https://example.no) og [fila](../../etc/passwd).')).toEqual([{ href: '../../etc/passwd', reason: 'it is a path, not a web address' }]);
    expect(badLinks('Tekst^[Sjå [x](javascript:alert(1)).]')).toEqual([{ href: 'javascript:alert(1)', reason: 'links of the kind javascript: are not allowed' }]);
    expect(badLinks('Ikkje ei lenkje: \\[x\\](../y)')).toEqual([]);
  });

  it('are refused with validate/link at the string, one diagnostic per bad link', () => {
    const { lines, sink } = check('p: "[a](../../etc/passwd) og [b](file:///etc/passwd) og [c](https://example.no)"\n');
    expect(lines).toEqual(['1:4 validate/link', '1:4 validate/link']);
    expect(sink.items[0]?.message).toBe("the link target '../../etc/passwd' cannot be used: it is a path, not a web address");
  });
});
