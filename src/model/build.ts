// Model stage: the loaded plan files and the set that passed their schema → one typed PlanModel,
// built in a single walk with a source span on every node. Nodes with a schema fault are left out
// (the checks then run on the rest); `document` is the complete PlanDocument when nothing was.
// Reads values only through Reader (model/reader.ts); reports nothing — the checks do that.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Span } from '../core/span.js';
import type { SourceFile, PathSegment } from '../load/yamlFile.js';
import { refKey, type PlanSources } from '../load/planLoader.js';
import { blockKeyOf, refPath } from '../load/blockKinds.js';
import { cellNumber, columnSums, commonUnit, rowSum, roundSum, type RawCell } from '../validate/tableSums.js';
import { parseNorwegianNumber } from '../validate/norwegianNumber.js';
import { budgetSums, type BudgetData, type BudgetRow } from '../validate/budgetSums.js';
import { FootnoteCounter, parseInline, type FactPlace } from './inline.js';
import { factOffsets, splitFacts } from './factSyntax.js';
import { faultsOf, Reader } from './reader.js';
import { builtinKinds, kindDefinition } from './kinds.js';
import { buildMalskjema } from './buildMalskjema.js';
import { malskjemaConfig } from './malskjemaConfig.js';
import { readExampleMarks } from './examples.js';
import { placeholderTexts } from './placeholder.js';
import type { DraftBlock, DraftSection, PendingBlock, PlanHead, PlanModel, Register, VariantEntry } from './draft.js';
import {
  VARIANTS,
  CHART_TYPES, type Block, type Budget, type KindDefinition, type BudgetLine, type Cell, type ChartSpec, type Framdrift, type Milestone, type Inline, type Kjelde, type Kommune,
  type Malskjema, type Period, type PlanDocument, type PlanMeta, type PlanRef, type Section, type Spanned, type TableBlock, type TableRow,
  type Trapp, type Variants, type WrittenBudgetLine, type CoverPhoto, type FactRef,
} from './types.js';

const LANGUAGES = ['nn', 'nb'] as const;
const WIDTH_WORDS = ['auto', '*'] as const;

const spanned = <T>(value: T, span: Span): Spanned<T> => ({ value, span });

/** Build the model of a plan from its loaded files; `passed` are the files that passed their schema. */
export function buildModel(src: PlanSources, passed: ReadonlySet<SourceFile>): PlanModel {
  const readers = new Map<SourceFile, Reader>();
  const rootOf = (file: SourceFile): Reader => {
    let r = readers.get(file);
    if (!r) readers.set(file, (r = Reader.root(file, faultsOf(file, passed.has(file)))));
    return r;
  };
  const ok = (file: SourceFile | undefined): file is SourceFile => file !== undefined && passed.has(file);
  const plan = rootOf(src.plan);
  const isMap = plan.kind === 'map';
  const kinds = planKinds(src, ok, rootOf);
  const profile = src.profile && passed.has(src.profile) ? rootOf(src.profile) : undefined;
  // The profile's example marks count when plan.yaml names the kommune by id (its values are printed).
  const head = isMap ? buildHead(plan, kinds, plan.at('kommune').kind === 'string' ? profile : undefined) : undefined;
  const notes = new FootnoteCounter();
  /** A plan string's inline runs, each fact reference placed where it is written in the file. */
  const inline = (r: Reader): Inline[] => parseInline(r.str(), notes, factPlace(r));

  const planarFile = src.refs.get(refKey(src.plan, ['registers', 'planar']));
  const kjelderFile = src.refs.get(refKey(src.plan, ['registers', 'kjelder']));
  const registersNamed = (key: string): boolean => plan.at('registers').at(key).kind !== 'absent';
  const register = <T>(file: SourceFile | undefined, key: string, entry: (r: Reader) => T): Register<T> => {
    // A register with a fault in some entries is read from the others; every sound id is still known.
    const root = file && file.value !== undefined ? rootOf(file) : undefined;
    if (file && root && root.kind === 'map' && root.soundExcept(key)) {
      const items = root.at(key).items();
      const ids = items.flatMap((r) => {
        const id = r.at('id');
        return id.kind === 'string' && id.sound() ? [spanned(id.str(), id.span())] : [];
      });
      return { state: 'ok', entries: items.filter((r) => r.sound()).map(entry), ids, whole: passed.has(file) };
    }
    return file === undefined && isMap && !registersNamed(key) ? { state: 'none' } : { state: 'broken' };
  };
  const planar = register<PlanRef>(planarFile, 'planar', (p) => {
    const note = p.at('note').optStr();
    return { id: p.at('id').str(), title: p.at('title').str(), type: p.at('type').str(), ...(note ? { note } : {}), idSpan: p.at('id').span() };
  });
  const kjelder = register<Kjelde>(kjelderFile, 'kjelder', (k) => {
    const url = k.at('url').optStr();
    return { id: k.at('id').str(), text: k.at('text').str(), ...(url ? { url } : {}), idSpan: k.at('id').span() };
  });
  const planById = new Map((planar.state === 'ok' ? planar.entries : []).map((p) => [p.id, p]));
  const hd = head?.handlingsdel;
  const years = hd !== undefined && hd !== 'absent' ? range(hd.value.from, hd.value.to) : [];
  // The målskjema configuration: plan.yaml's over the profile's (each read only when it passed its schema).
  const profileRoot = src.profile && passed.has(src.profile) ? rootOf(src.profile) : undefined;
  const planConfig = isMap && plan.at('malskjema').sound() ? plan.at('malskjema') : undefined;
  const language = plan.at('language').kind === 'string' && plan.at('language').str() === 'nb' ? 'nb' : 'nn';
  const configBroken = (isMap && plan.has('malskjema') && !plan.at('malskjema').sound()) || (src.profile !== undefined && !passed.has(src.profile));
  const malConfig = { ...malskjemaConfig(planConfig, profileRoot?.at('malskjema'), language), ...(configBroken ? { broken: true } : {}) };
  const counters = { table: 0, figure: 0 };
  let allRead = true;

  const cellOf = (c: Reader): Cell => {
    switch (c.kind) {
      case 'number': return { kind: 'number', value: c.num() };
      case 'list': return { kind: 'list', items: c.items().map((i) => inline(i)) };
      case 'absent':
      case 'null': return { kind: 'empty' };
      default: {
        return c.str() === '' ? { kind: 'empty' } : { kind: 'text', content: inline(c) };
      }
    }
  };
  /** A fakta value: an amount written with grouping, a decimal comma or a unit is a number; a bare «2024» stays text. */
  const faktaValue = (c: Reader): Cell => {
    if (c.kind === 'string' && /[\s,%]|kr/i.test(c.str())) {
      const p = parseNorwegianNumber(c.str());
      if (p.ok) return { kind: 'number', value: p.value, ...(p.unit ? { unit: p.unit } : {}) };
    }
    return cellOf(c);
  };
  /** A cell as the sums read it: lists are not numbers; text is read by the Norwegian number parser. */
  const rawOf = (c: Reader): RawCell => (c.kind === 'list' ? c.items().map((i) => i.str()).join(',') : c.scalar());

  /** The root of a data file whose faults lie only inside entries of the lists `parts`. */
  const partial = (file: SourceFile | undefined, ...parts: string[]): Reader | undefined => {
    const root = file && file.value !== undefined ? rootOf(file) : undefined;
    return root && root.kind === 'map' && root.soundExcept(...parts) ? root : undefined;
  };

  const pending = (of: PendingBlock['of'], b: Reader, inner: Reader, refSpan: Span): PendingBlock => {
    const id = inner.at('id');
    return { kind: 'pending', of, ...(id.kind === 'string' ? { id: spanned(id.str(), id.span()) } : {}), span: b.span(), refSpan };
  };

  const buildBlock = (file: SourceFile, b: Reader): DraftBlock | undefined => {
    const key = blockKeyOf(b.keys());
    if (key === undefined) return undefined;
    const span = b.span();
    const c = b.at(key);
    const ref = refPath(key);
    const refAt: PathSegment[] | undefined = ref ? [...b.path, ...ref] : undefined;
    const refFile = refAt ? src.refs.get(refKey(file, refAt)) : undefined;
    const dataSpan = (ref ?? []).reduce((r, k) => r.at(k), b).span();
    const source = (): { source?: string } => {
      const s = c.at('source').optStr();
      return s ? { source: s } : {};
    };
    const id = (): { id: string; idSpan: Span } => ({ id: c.at('id').str(), idSpan: c.at('id').span() });
    switch (key) {
      case 'p': return { kind: 'paragraph', content: inline(c), span };
      case 'heading': return { kind: 'heading', text: c.str(), span };
      case 'list': case 'numbered': case 'lettered': case 'checklist': {
        const style = key === 'list' ? 'bullet' : key === 'checklist' ? 'check' : key;
        return { kind: 'list', style, items: c.items().map((i) => inline(i)), span };
      }
      case 'quote': return { kind: 'quote', content: inline(c.at('text')), ...source(), span };
      case 'note': return { kind: 'note', content: inline(c), span };
      case 'table': return buildTable(c, span);
      case 'chart': {
        // A chart file with a fault in one series is built from the others (for the checks only).
        const root = partial(refFile, 'series');
        if (!root) return pending(key, b, c, dataSpan);
        const chart = buildChart(root);
        return { kind: 'chart', ...id(), number: ++counters.figure, ...captionOf(c.at('caption')), ...source(), chart, span };
      }
      case 'trapp': {
        if (!ok(refFile)) return pending(key, b, c, dataSpan);
        const trapp = buildTrapp(rootOf(refFile));
        return { kind: 'trapp', ...id(), number: ++counters.figure, ...captionOf(c.at('caption')), ...source(), trapp, span };
      }
      case 'image': {
        const image = refAt ? src.images.get(refKey(file, refAt)) : undefined;
        if (!image) return pending(key, b, c, dataSpan);
        const width = c.at('width').optNum();
        return {
          kind: 'image', ...id(), number: ++counters.figure, ...captionOf(c.at('caption')), alt: c.at('alt').str(),
          ...source(), ...(width !== undefined ? { width } : {}), image, span,
        };
      }
      case 'fakta': {
        const caption = c.at('caption').optStr();
        return {
          kind: 'fakta', ...id(),
          ...(caption ? { ...captionOf(c.at('caption')), number: ++counters.table } : {}),
          rows: c.at('rows').items().map((r) => ({ label: r.at('label').str(), value: faktaValue(r.at('value')), span: r.span() })),
          span,
        };
      }
      case 'framdrift': case 'milepelar': {
        // A framdrift file with a fault in one activity or milestone is built from the others.
        const root = partial(refFile, 'phases', 'milestones');
        if (!root) return pending(key, b, c, dataSpan);
        const framdrift = buildFramdrift(root);
        const number = key === 'framdrift' ? ++counters.figure : ++counters.table;
        return { kind: key, ...id(), number, ...captionOf(c.at('caption')), ...source(), framdrift, span };
      }
      case 'budsjett': {
        if (!ok(refFile)) return pending(key, b, c, dataSpan);
        return { kind: 'budsjett', ...id(), number: ++counters.table, ...captionOf(c.at('caption')), ...source(), budget: buildBudget(rootOf(refFile)), span };
      }
      case 'budsjettgraf': {
        if (!ok(refFile)) return pending(key, b, c, dataSpan);
        const budget = buildBudget(rootOf(refFile));
        const caption = captionOf(c.at('caption'));
        return { kind: 'chart', ...id(), number: ++counters.figure, ...caption, ...source(), chart: budgetChart(budget, caption.caption), budget, span };
      }
      case 'satsing': {
        const title = c.at('title').optStr();
        const goals = c.at('berekraftsmal').items();
        return {
          kind: 'satsing', ...id(), ...(title ? { title } : {}),
          berekraftsmal: goals.map((g) => g.num()), berekraftsmalSpans: goals.map((g) => g.span()),
          herErVi: c.at('her_er_vi').items().map((i) => inline(i)),
          slikVilVi: c.at('slik_vil_vi').items().map((i) => inline(i)),
          slikKjemViDit: c.at('slik_kjem_vi_dit').items().map((i) => inline(i)),
          span,
        };
      }
      case 'malskjema': {
        // A målskjema with a fault in some delmål is built from the others (the checks then run on them).
        const root = refFile && refFile.value !== undefined ? rootOf(refFile) : undefined;
        if (!refFile || !root || root.kind !== 'map' || !root.soundExcept('mal')) return pending(key, b, c, c.span());
        if (!passed.has(refFile)) allRead = false;
        return { kind: 'malskjema', malskjema: buildMalskjema(root, years, !root.has('config') ? malConfig : root.at('config').sound() ? { ...malskjemaConfig(planConfig, profileRoot?.at('malskjema'), language, root.at('config')), ...(configBroken ? { broken: true } : {}) } : { ...malConfig, broken: true }, planById, inline), refSpan: c.span(), span };
      }
      case 'planliste': return { kind: 'planliste', span };
      case 'statusforklaring': return { kind: 'statusforklaring', span };
      case 'kjelder': return { kind: 'kjelder', span };
    }
  };

  const buildTable = (t: Reader, span: Span): TableBlock => {
    const header = t.at('header').items().map((h) => h.str());
    const rowReaders = t.at('rows').items();
    const raw = rowReaders.map((r) => r.items().map(rawOf));
    const totalsAt = t.at('totals');
    const totals = totalsAt.kind === 'map'
      ? { columns: totalsAt.at('columns').items().map((c) => c.num()), column: totalsAt.at('column').flag(), columnsSpan: totalsAt.at('columns').span() }
      : undefined;
    const totalsLabel = totalsAt.kind === 'map' ? totalsAt.at('row').optStr() : undefined;
    const last = header.length - 1;
    let totalsRow: Cell[] | undefined;
    if (totals && totalsLabel !== undefined) {
      const sums = columnSums(raw, totals.columns);
      // The grand total is the sum of the column sums, which equals the sum of the row sums.
      const grand = roundSum([...sums.values()].reduce((a, b) => a + b, 0));
      totalsRow = header.map((_, i): Cell => {
        if (i === 0) return { kind: 'text', content: [{ kind: 'text', text: totalsLabel, bold: true, italics: false }] };
        const s = sums.get(i);
        const unit = commonUnit(raw.map((r) => r[i]));
        if (s !== undefined) return { kind: 'number', value: roundSum(s), ...(unit ? { unit } : {}) };
        if (i === last && totals.column) {
          const all = commonUnit(totals.columns.flatMap((c) => raw.map((r) => r[c])));
          return { kind: 'number', value: grand, ...(all ? { unit: all } : {}) };
        }
        return { kind: 'empty' };
      });
    }
    // Summed cells written as Norwegian text («1 200 000 kr») are numbers, printed in the house format;
    // so are other cells written with grouping, a decimal comma or a unit («50 338», «6,5 %»), as in fakta.
    const summed = new Set(totals ? [...totals.columns, ...(totals.column ? [last] : [])] : []);
    const numberCell = (c: Reader, i: number): Cell => {
      if (summed.has(i) && c.kind === 'string') {
        const p = cellNumber(c.str());
        if (p?.ok) return { kind: 'number', value: p.value, ...(p.unit ? { unit: p.unit } : {}) };
      }
      return faktaValue(c);
    };
    const written: TableRow[] = rowReaders.map((r, ri) => {
      const cells = r.items();
      return {
        cells: cells.map(numberCell),
        texts: raw[ri]!.map((v) => (typeof v === 'string' ? v : undefined)),
        span: r.span(),
        cellSpans: cells.map((c) => c.span()),
      };
    });
    // A row-sum column left empty in the data is filled in; a written one is checked in check/.
    const rows = totals?.column
      ? written.map((w, ri) => {
          const r = raw[ri]!;
          if (r[last] !== null && r[last] !== undefined) return w.cells;
          const sum = rowSum(r, totals.columns);
          const unit = commonUnit(totals.columns.map((c) => r[c]));
          return sum === undefined ? w.cells : [...w.cells.slice(0, last), { kind: 'number' as const, value: roundSum(sum), ...(unit ? { unit } : {}) }];
        })
      : written.map((w) => w.cells);
    const widthsAt = t.at('widths');
    const widths = widthsAt.kind === 'list'
      ? widthsAt.items().map((w) => (w.kind === 'number' ? w.num() : w.oneOf(WIDTH_WORDS)))
      : undefined;
    const source = t.at('source').optStr();
    return {
      kind: 'table', id: t.at('id').str(), number: ++counters.table, ...captionOf(t.at('caption')),
      ...(source ? { source } : {}),
      ...(widths ? { widths, widthsSpan: widthsAt.span() } : {}),
      header, rows, ...(totalsRow ? { totalsRow } : {}), span,
      idSpan: t.at('id').span(), ...(totals ? { totals } : {}), written,
    };
  };

  const buildSection = (file: SourceFile, s: Reader, number: string, level: 1 | 2 | 3): DraftSection => {
    const idAt = s.at('id');
    const titleAt = s.at('title');
    const id = idAt.sound() && idAt.kind === 'string' ? spanned(idAt.str(), idAt.span()) : undefined;
    const title = titleAt.sound() && titleAt.kind === 'string' ? titleAt.str() : undefined;
    let whole = s.soundExcept('blocks', 'sections');
    const list = (key: string): Reader[] => {
      const at = s.at(key);
      if (at.kind === 'list') return at.items();
      return [];
    };
    const blocks: DraftBlock[] = [];
    for (const b of list('blocks')) {
      const built = b.sound() ? buildBlock(file, b) : undefined;
      if (built) blocks.push(built);
      else whole = false;
    }
    const sections = level < 3
      ? list('sections').map((c, i) => buildSection(file, c, `${number}.${i + 1}`, level === 1 ? 2 : 3))
      : [];
    if (sections.some((c) => !c.whole) || blocks.some((b) => b.kind === 'pending')) whole = false;
    return { ...(id ? { id } : {}), ...(title !== undefined ? { title } : {}), number, level, blocks, sections, span: s.span(), whole };
  };

  const chapters: DraftSection[] = [];
  const chapterList = plan.at('chapters');
  if (chapterList.kind === 'list') {
    chapterList.items().forEach((_, i) => {
      const file = src.refs.get(refKey(src.plan, ['chapters', i]));
      const root = file && file.value !== undefined ? rootOf(file) : undefined;
      if (!file || !root || root.kind !== 'map') {
        allRead = false;
        return;
      }
      const ch = buildSection(file, root, String(i + 1), 1);
      if (!ch.whole || !passed.has(file)) allRead = false;
      chapters.push(ch);
    });
  } else allRead = false;

  const everyFilePassed = src.files.every((f) => passed.has(f));
  const placeholders = placeholderTexts(src.files, head?.examples.marks ?? []);
  // A kommune named by id needs its profile (a missing one was reported by the loader).
  const kommuneKnown = plan.at('kommune').kind !== 'string' || profile !== undefined;
  const kindDef = head !== undefined && typeof head.kindDefinition === 'object' ? head.kindDefinition : undefined;
  const finished = everyFilePassed && allRead && kommuneKnown && kindDef !== undefined ? finishSections(chapters) : undefined;
  const document: PlanDocument | undefined = finished && kindDef && planar.state !== 'broken' && kjelder.state !== 'broken'
    ? {
        meta: { ...buildMeta(plan, profile, src.logo, kindDef, src.images.get(refKey(src.plan, ['cover', 'image']))), placeholders },
        chapters: finished,
        footnotes: notes.notes,
        planar: planar.state === 'ok' ? planar.entries : [],
        kjelder: kjelder.state === 'ok' ? kjelder.entries : [],
        sourceHash: hashSources(src),
      }
    : undefined;

  return {
    folderName: src.folderName,
    ...(head ? { head } : {}),
    chapters,
    footnotes: notes.notes,
    allRead,
    planar,
    kjelder,
    knownKinds: [...kinds.known.keys()].sort(),
    ...(kinds.file ? { kindFile: kinds.file } : {}),
    placeholders,
    profileContact: profile?.has('hoyring') ?? false,
    ...(document ? { document } : {}),
  };
}

/** The complete sections, when no block is pending and every section has its id and title. */
function finishSections(draft: readonly DraftSection[]): Section[] | undefined {
  const out: Section[] = [];
  for (const s of draft) {
    const blocks: Block[] = [];
    for (const b of s.blocks) {
      if (b.kind === 'pending') return undefined;
      blocks.push(b);
    }
    const sections = finishSections(s.sections);
    if (!sections || !s.id || s.title === undefined || !s.whole) return undefined;
    out.push({ id: s.id.value, number: s.number, level: s.level, title: s.title, blocks, sections, span: s.span, idSpan: s.id.span });
  }
  return out;
}

/** A {from, to} pair of years. */
/** A caption as written, and the fact references in it with their places. */
function captionOf(r: Reader): { caption: string; captionFacts?: FactRef[] } {
  const caption = r.str();
  const place = factPlace(r);
  const refs = splitFacts(caption).filter((p): p is { name: string } => typeof p !== 'string');
  return refs.length === 0 ? { caption } : { caption, captionFacts: refs.map((p, i) => ({ kind: 'fact', name: p.name, span: place(i), bold: false, italics: false })) };
}

/** Where the fact references of a string value are written: the n-th `[fakta:` from the value's start. */
function factPlace(r: Reader): FactPlace {
  let offsets: number[] | undefined;
  let start = 0;
  return (index) => {
    const at = r.span();
    if (!offsets) {
      start = (r.file.lineCounter.lineStarts[at.line - 1] ?? 0) + at.col - 1;
      offsets = factOffsets(r.file.text, start, index + 8);
    }
    if (offsets.length <= index) offsets = factOffsets(r.file.text, start, index + 1);
    const offset = offsets[index];
    if (offset === undefined) return at;
    const pos = r.file.lineCounter.linePos(offset);
    return { file: at.file, line: pos.line, col: pos.col };
  };
}

function periodOf(r: Reader): Period {
  return { from: r.at('from').num(), to: r.at('to').num() };
}

/** The kinds a plan may name: the built-in ones, and its own kind file's (which wins over a built-in of the same id). */
interface PlanKinds {
  readonly known: ReadonlyMap<string, KindDefinition>;
  /** The own kind file did not pass its schema, or its id is not its name: that kind is not known yet. */
  readonly broken?: string;
  readonly file?: { readonly id: Spanned<string>; readonly name: string };
}

function planKinds(src: PlanSources, ok: (f: SourceFile | undefined) => f is SourceFile, rootOf: (f: SourceFile) => Reader): PlanKinds {
  const known = new Map(builtinKinds());
  const f = src.kind;
  if (f === undefined) return { known };
  const name = path.basename(f.absPath, '.yaml');
  const idAt = f.value !== undefined ? rootOf(f).at('id') : undefined;
  const id = idAt && idAt.kind === 'string' && idAt.sound() ? spanned(idAt.str(), idAt.span()) : undefined;
  const file = id ? { id, name } : undefined;
  if (!ok(f) || id?.value !== name) return { known, broken: name, ...(file ? { file } : {}) };
  known.set(name, kindDefinition(f.value));
  return { known, ...(file ? { file } : {}) };
}

type Marks = ReturnType<typeof readExampleMarks>;
const joinMarks = (a: Marks, b: Marks | undefined): Marks => (b ? { marks: [...a.marks, ...b.marks], unknown: [...a.unknown, ...b.unknown] } : a);

function buildHead(plan: Reader, kinds: PlanKinds, profile: Reader | undefined): PlanHead {
  const sound = (key: string): Reader | undefined => {
    const r = plan.at(key);
    return r.kind !== 'absent' && r.sound() ? r : undefined;
  };
  const id = sound('id');
  const kind = sound('kind');
  const period = sound('period');
  const hdAt = plan.at('handlingsdel');
  const handlingsdel = hdAt.kind === 'absent' ? 'absent' as const : hdAt.sound() ? spanned(periodOf(hdAt), hdAt.span()) : undefined;
  const vAt = plan.at('variants');
  const variants = vAt.kind === 'map'
    ? { own: vAt.soundExceptKeys(...VARIANTS), entries: VARIANTS.filter((v) => vAt.has(v)).map((v) => variantEntry(v, vAt.at(v))) }
    : undefined;
  return {
    ...(id ? { id: spanned(id.str(), id.span()) } : {}),
    ...(kind ? { kind: spanned(kind.str(), kind.span()) } : {}),
    ...(kind ? { kindDefinition: kinds.broken === kind.str() ? 'broken' as const : kinds.known.get(kind.str()) ?? 'unknown' as const } : {}),
    ...(period ? { period: spanned(periodOf(period), period.span()) } : {}),
    ...(handlingsdel !== undefined ? { handlingsdel } : {}),
    ...(variants ? { variants } : {}),
    variantsSpan: vAt.span(true),
    examples: joinMarks(readExampleMarks(plan), profile ? readExampleMarks(profile, true) : undefined),
  };
}

function variantEntry(name: VariantEntry['name'], v: Reader): VariantEntry {
  if (!(v.sound() && v.kind === 'map')) return { name, sound: false, keySpan: v.span(true), keys: [], dates: [] };
  const str = (r: Reader): Spanned<string> | undefined => (r.kind === 'string' ? spanned(r.str(), r.span()) : undefined);
  const date = str(v.at('date'));
  const frist = str(v.at('frist'));
  const sakDate = str(v.at('sak').at('date'));
  const inn = v.at('innspel');
  return {
    name,
    sound: v.sound() && v.kind === 'map',
    keySpan: v.span(true),
    keys: v.keys(),
    ...(date ? { date } : {}),
    ...(frist ? { frist } : {}),
    dates: [date, frist, sakDate].filter((d): d is Spanned<string> => d !== undefined),
    ...(inn.kind === 'map'
      ? { innspel: { keySpan: inn.span(true), ...(inn.has('epost') ? { epost: inn.at('epost').str() } : {}), ...(inn.has('adresse') ? { adresse: inn.at('adresse').str() } : {}) } }
      : {}),
  };
}

/** Only the keys that are written, as the layout reads them. */
function strings<K extends string>(r: Reader, keys: readonly K[]): { [P in K]?: string } {
  const out: { [P in K]?: string } = {};
  for (const k of keys) {
    const v = r.at(k).optStr();
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** variants.vedtak.endringar: which høyring version the vedtak's endringar appendix compares with. */
function endringarOption(r: Reader): { endringar?: { hoyringVersion: { value: string; span: Span } } } {
  if (r.kind !== 'map') return {};
  const v = r.at('hoyring-version');
  const value = v.optStr();
  return value === undefined ? {} : { endringar: { hoyringVersion: { value, span: v.span() } } };
}

function buildVariants(v: Reader): Variants {
  const sak = (r: Reader) => (r.kind === 'map' ? { sak: { organ: r.at('organ').str(), nummer: r.at('nummer').str(), date: r.at('date').str() } } : {});
  const u = v.at('utkast');
  const h = v.at('hoyring');
  const d = v.at('vedtak');
  return {
    ...(u.kind === 'map' ? { utkast: strings(u, ['date']) } : {}),
    ...(h.kind === 'map'
      ? { hoyring: { ...strings(h, ['date', 'frist']), ...sak(h.at('sak')), ...(h.at('innspel').kind === 'map' ? { innspel: strings(h.at('innspel'), ['epost', 'adresse', 'merking', 'nettside']) } : {}) } }
      : {}),
    ...(d.kind === 'map' ? { vedtak: { ...strings(d, ['date']), ...sak(d.at('sak')), ...endringarOption(d.at('endringar')) } } : {}),
  };
}

function buildMeta(pv: Reader, profile: Reader | undefined, logo: string | undefined, kindDefinition: KindDefinition, coverImage: CoverPhoto['image'] | undefined): Omit<PlanMeta, 'placeholders'> {
  const k = pv.at('kommune').kind === 'string' && profile ? profile : pv.at('kommune');
  const colour = k.at('colour').optStr();
  const kommune: Kommune = {
    name: k.at('name').str(),
    nummer: k.at('nummer').str(),
    ...(colour ? { colour } : {}),
    ...(logo ? { logo } : {}),
    ...(k.at('hoyring').kind === 'map' ? { hoyring: strings(k.at('hoyring'), ['epost', 'adresse', 'nettside']) } : {}),
  };
  const subtitle = pv.at('subtitle').optStr();
  const subject = pv.at('subject').optStr();
  return {
    id: pv.at('id').str(),
    version: pv.at('version').str(),
    kind: kindDefinition.id,
    kindDefinition,
    language: pv.at('language').oneOf(LANGUAGES),
    title: pv.at('title').str(),
    ...(subtitle ? { subtitle } : {}),
    ...(coverImage && pv.at('cover').kind === 'map'
      ? { cover: { image: coverImage, alt: pv.at('cover').at('alt').str(), credit: pv.at('cover').at('credit').str(), illustration: pv.at('cover').at('illustration').flag() } }
      : {}),
    kommune,
    ...(subject ? { subject } : {}),
    keywords: pv.at('keywords').items().map((w) => w.str()),
    period: periodOf(pv.at('period')),
    ...(pv.has('handlingsdel') ? { handlingsdel: periodOf(pv.at('handlingsdel')) } : {}),
    variants: pv.has('variants') ? buildVariants(pv.at('variants')) : {},
    examples: joinMarks(readExampleMarks(pv), pv.at('kommune').kind === 'string' && profile ? readExampleMarks(profile, true) : undefined).marks,
  };
}

function buildChart(c: Reader): ChartSpec {
  const xLabel = c.at('x').at('label').optStr();
  const yLabel = c.at('y').at('label').optStr();
  const unit = c.at('y').at('unit').optStr();
  const type = c.at('type').oneOf(CHART_TYPES);
  const valueLabels = c.has('valueLabels') ? c.at('valueLabels').flag() : undefined;
  const written = c.at('series').items();
  return {
    type,
    title: c.at('title').str(),
    ...(xLabel ? { xLabel } : {}),
    ...(yLabel ? { yLabel } : {}),
    ...(unit ? { unit } : {}),
    stacked: type.startsWith('stacked-') || c.at('stacked').flag(),
    ...(valueLabels !== undefined ? { valueLabels } : {}),
    illustrative: c.at('illustrative').flag(),
    ...(c.at('illustrative').flag() ? { illustrativeSpan: c.at('illustrative').span() } : {}),
    labels: c.at('labels').items().map((l) => String(l.scalar())),
    series: written.filter((s) => s.sound()).map((s) => ({
      id: s.at('id').str(),
      name: s.at('name').str(),
      dashed: s.at('dashed').flag(),
      values: s.at('values').items().map((v) => (v.kind === 'null' ? null : v.num())),
      valuesSpan: s.at('values').span(),
      valueSpans: s.at('values').items().map((v) => v.span()),
    })),
    writtenSeries: written.length,
    span: c.span(),
    labelsSpan: c.at('labels').span(true),
    seriesSpan: c.at('series').span(true),
  };
}

function buildTrapp(t: Reader): Trapp {
  return {
    kategoriar: t.at('kategoriar').items().map((k) => ({ id: k.at('id').str(), nummer: k.at('nummer').num(), name: k.at('name').str(), idSpan: k.at('id').span() })),
    trinn: t.at('trinn').items().map((r) => {
      const detail = r.at('detail').optStr();
      return {
        nummer: r.at('nummer').num(), kategori: r.at('kategori').str(), name: r.at('name').str(), ...(detail !== undefined ? { detail } : {}),
        nummerSpan: r.at('nummer').span(), kategoriSpan: r.at('kategori').span(),
      };
    }),
    ...(t.at('illustrative').flag() ? { illustrativeSpan: t.at('illustrative').span() } : {}),
    span: t.span(),
  };
}


function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** sha256 over every source file's path (relative to the plan) and bytes, in a fixed order. */
function hashSources(src: PlanSources): string {
  const h = createHash('sha256');
  for (const f of [...src.files].sort((a, b) => a.absPath.localeCompare(b.absPath))) {
    h.update(path.relative(src.realDir, f.absPath).split(path.sep).join('/'));
    h.update('\0');
    h.update(f.text);
    h.update('\0');
  }
  return h.digest('hex');
}

/** A milestone: `date:` for one month or day, `from:` and `to:` for a period. */
function buildMilestone(m: Reader): Milestone {
  const name = m.at('name').str();
  const [date, from, to] = [m.at('date'), m.at('from'), m.at('to')];
  if (date.kind === 'string' && from.kind === 'absent' && to.kind === 'absent') {
    return { name, when: 'point', from: date.str(), to: date.str(), fromSpan: date.span(), toSpan: date.span(), span: m.span() };
  }
  if (date.kind === 'absent' && from.kind === 'string' && to.kind === 'string') {
    return { name, when: 'period', from: from.str(), to: to.str(), fromSpan: from.span(), toSpan: to.span(), span: m.span() };
  }
  return { name, when: 'unclear', from: '', to: '', fromSpan: m.span(), toSpan: m.span(), span: m.span() };
}

function buildFramdrift(v: Reader): Framdrift {
  return {
    from: v.at('from').str(),
    to: v.at('to').str(),
    illustrative: v.at('illustrative').flag(),
    ...(v.at('illustrative').flag() ? { illustrativeSpan: v.at('illustrative').span() } : {}),
    phases: v.at('phases').items().filter((p) => p.soundExcept('activities')).map((p) => ({
      name: p.at('name').str(),
      activities: p.at('activities').items().filter((a) => a.sound()).map((a) => ({
        name: a.at('name').str(), from: a.at('from').str(), to: a.at('to').str(), fromSpan: a.at('from').span(), toSpan: a.at('to').span(),
      })),
    })),
    milestones: v.at('milestones').items().filter((m) => m.sound()).map(buildMilestone),
    span: v.span(),
    toSpan: v.at('to').span(),
  };
}

/** The budget with every sum row computed from its rows (written sums are checked in check/). */
function buildBudget(v: Reader): Budget {
  const written: WrittenBudgetLine[] = [];
  const row = (r: Reader, role: WrittenBudgetLine['role'], group?: number): BudgetRow => {
    const label = r.at('label').str();
    const vals = r.at('values');
    if (vals.kind !== 'list') return { label };
    const items = vals.items();
    // An amount is a YAML number or a text written the Norwegian way («1 200 000», «-1 200»).
    const refused: { index: number; hint: string }[] = [];
    const values = items.map((x, index) => {
      const v = x.amountScalar();
      if (typeof v === 'number') return v;
      const p = parseNorwegianNumber(v);
      if (p.ok) return p.value;
      refused.push({ index, hint: p.hint });
      return 0;
    });
    written.push({ role, ...(group !== undefined ? { group } : {}), label, values, valuesSpan: vals.span(), valueSpans: items.map((x) => x.span()), refused });
    return { label, values };
  };
  const opt = (key: string, role: WrittenBudgetLine['role']): BudgetRow | undefined => (v.has(key) ? row(v.at(key), role) : undefined);
  const start = opt('start', 'start');
  const groups = v.at('groups').items().map((g, gi) => {
    const name = g.at('name').optStr();
    const rows = g.at('rows').items().map((r) => row(r, 'row', gi));
    const sum = g.has('sum') ? row(g.at('sum'), 'sum', gi) : undefined;
    return { ...(name !== undefined ? { name } : {}), rows, ...(sum ? { sum } : {}) };
  });
  const total = opt('total', 'total');
  const result = opt('result', 'result');
  const data: BudgetData = {
    columns: v.at('columns').items().map((c) => c.str()),
    ...(start ? { start } : {}), groups, ...(total ? { total } : {}), ...(result ? { result } : {}),
  };
  const sums = budgetSums(data);
  // A written sum passed the check (within `rounding`): print the kommune's own figure; else the computed one.
  const line = (r: BudgetRow, values: readonly number[]): BudgetLine => ({ label: r.label, values: r.values ?? values });
  const unit = v.at('unit').optStr();
  return {
    ...(unit ? { unit } : {}),
    columns: data.columns,
    ...(start?.values ? { start: line(start, start.values) } : {}),
    groups: groups.map((g, i) => ({
      ...(g.name ? { name: g.name } : {}),
      rows: g.rows.map((r) => line(r, r.values ?? [])),
      ...(g.sum ? { sum: line(g.sum, sums.groups[i]!) } : {}),
    })),
    ...(total ? { total: line(total, sums.total) } : {}),
    ...(result && sums.result ? { result: line(result, sums.result) } : {}),
    span: v.span(),
    rounding: v.at('rounding').optNum() ?? 0,
    sums: { groups: sums.groups, total: sums.total, ...(sums.result ? { result: sums.result } : {}) },
    written,
  };
}

/** A bar chart of a budget: one bar group per column, one series per row (at most 12). */
function budgetChart(b: Budget, title: string): ChartSpec {
  const rows = b.groups.flatMap((g) => g.rows).slice(0, 12);
  return {
    type: 'bar',
    title,
    ...(b.unit ? { yLabel: b.unit, unit: b.unit } : {}),
    stacked: true,
    illustrative: false,
    labels: b.columns,
    series: rows.map((r, i) => ({ id: `rad-${i + 1}`, name: r.label, dashed: false, values: r.values })),
  };
}
