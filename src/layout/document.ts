// Layout stage: document model + rendered charts → a pdfmake document definition for one variant.
// Frame (cover, front pages, header, footer) comes from templates; words from the label files.
// Invariant: same model and variant → same definition; every date comes from the plan.
import type { PlanDocument, Section, VariantName } from '../model/types.js';
import { variantDate } from '../model/variantDate.js';
import { TITLE_SEPARATOR, fullTitle } from '../model/title.js';
import { stampedAsExample } from '../model/examples.js';
import type { LayoutContext } from './context.js';
import { blockNodes } from './blocks.js';
import { inlineText } from './inlines.js';
import { resolveFacts } from './facts.js';
import { formatDate, label, labelsFor, type Labels } from './labels.js';
import { pageTemplate, renderTemplate } from './templates.js';
import { asFurniture, type DocumentDefinition, type Footnote, type LayoutNode } from './nodes.js';
import { tag, tagFrame } from './tags.js';
import { COLOURS, PAGE_MARGIN, PORTRAIT_TEXT_WIDTH, SIDE_COLUMN, defaultStyle, documentStyles } from './styles.js';
import { pdfaPageSetup } from './pageSetup.js';
import { coverContext } from './cover.js';
import { inTextColumn, toTextColumn } from './textColumn.js';
import { VARIANT_RULES, frontPagesOf } from './variantRules.js';
import { ENDRINGAR_STYLES, endringarAppendix, type WithEndringar } from './endringar.js';

/** Everything the emit stage needs: the pdfmake definition and facts for the manifest. */
export interface LaidOut {
  readonly variant: VariantName;
  readonly definition: DocumentDefinition;
  /** The plan's facts for the XMP metadata (plan id, version, status, vedtak …). */
  readonly xmpFields: Readonly<Record<string, string | undefined>>;
}

function templateContext(doc: PlanDocument, variant: VariantName, labels: Labels, stamped: boolean): Record<string, unknown> {
  const m = doc.meta;
  const date = (iso: string | undefined): string | null => (iso ? formatDate(labels, iso) : null);
  const sak = (s: { organ: string; nummer: string; date: string } | undefined) =>
    s ? { organ: s.organ, nummer: s.nummer, date: date(s.date) } : null;
  const h = m.variants.hoyring;
  const v = m.variants.vedtak;
  // The plan's own innspel contact wins; else the kommune profile's.
  const contact = { ...(m.kommune.hoyring ?? {}), ...(h?.innspel ?? {}) } as { epost?: string; adresse?: string; merking?: string; nettside?: string };
  return {
    labels,
    plan: {
      title: m.title,
      subtitle: m.subtitle ?? null,
      kindName: m.kindDefinition.name[m.language],
      kommune: m.kommune,
      version: m.version,
      period: `${m.period.from}–${m.period.to}`,
      handlingsdel: m.handlingsdel ? `${m.handlingsdel.from}–${m.handlingsdel.to}` : null,
      colour: m.kommune.colour ?? COLOURS.accent,
      logo: m.kommune.logo ?? null,
      logoAlt: `${label(labels, 'logo_alt')} ${m.kommune.name}`,
    },
    variant,
    // Which variant, for the templates' own wording (what differs in content is VARIANT_RULES).
    isUtkast: variant === 'utkast',
    isHoyring: variant === 'hoyring',
    isVedtak: variant === 'vedtak',
    status: label(labels, `variant_${variant}`),
    utkast: { date: date(m.variants.utkast?.date) },
    hoyring: h
      ? {
          date: date(h.date),
          frist: date(h.frist),
          sak: sak(h.sak),
          // The sak's date where it is not the høyring date already printed beside it (each value once).
          sakDate: h.sak && h.sak.date !== h.date ? date(h.sak.date) : null,
          innspel: { epost: contact.epost ?? null, adresse: contact.adresse ?? null, merking: contact.merking ?? null, nettside: contact.nettside ?? null },
        }
      : null,
    vedtak: v ? { date: date(v.date), sak: sak(v.sak), sakDate: v.sak && v.sak.date !== v.date ? date(v.sak.date) : null } : null,
    // Built with --eksempel: the stamp on the cover and every page (model/examples.ts).
    eksempel: stamped ? label(labels, 'eksempel_stamp') : null,
    cover: coverContext(m, m.kommune.colour ?? COLOURS.accent, labels),
  };
}

const hasMalskjema = (s: Section): boolean => s.blocks.some((b) => b.kind === 'malskjema');

/** A section is laid out landscape when it holds a målskjema, or is an empty chapter whose first section does. */
const wantsLandscape = (s: Section): boolean =>
  hasMalskjema(s) || (s.level === 1 && s.blocks.length === 0 && s.sections[0] !== undefined && hasMalskjema(s.sections[0]));


function sectionNodes(s: Section, ctx: LayoutContext, parentId: string | undefined, state: { landscape: boolean }): object[] {
  const out: object[] = [];
  const wantLandscape = wantsLandscape(s);
  const id = `sec-${s.id}`;
  const heading: Record<string, unknown> = {
    text: `${s.number} ${s.title}`,
    style: `h${s.level}`,
    id,
    tocItem: true,
    tocStyle: s.level === 1 ? { bold: true } : {},
    tocMargin: [(s.level - 1) * 14, s.level === 1 ? 6 : 1, 0, 0],
    outline: true,
    outlineText: `${s.number} ${s.title}`,
    ...(parentId ? { outlineParentId: parentId } : {}),
    keepWithNext: true,
    pdfTag: { type: `H${s.level}` },
  };
  if (s.level === 1) {
    heading.pageBreak = 'before';
    heading.pageOrientation = wantLandscape ? 'landscape' : 'portrait';
    state.landscape = wantLandscape;
  } else if (wantLandscape !== state.landscape) {
    heading.pageBreak = 'before';
    heading.pageOrientation = wantLandscape ? 'landscape' : 'portrait';
    state.landscape = wantLandscape;
  }
  // Headings of level 1 and 2 hang into the side column; deeper ones stand over the text they head.
  out.push(s.level >= 3 ? toTextColumn(heading, state.landscape) : heading);
  for (const [i, b] of s.blocks.entries()) {
    const nodes = blockNodes(b, ctx, s.blocks[i + 1]);
    out.push(...(inTextColumn(b.kind) ? nodes.map((n) => toTextColumn(n, state.landscape)) : nodes));
  }
  for (const sub of s.sections) out.push(...sectionNodes(sub, ctx, id, state));
  return out;
}

/**
 * A chapter's nodes without the space below its last node: the next chapter starts a page anyway, and
 * that space alone, where the last node just fits, would carry over onto a blank page of its own.
 */
function withoutTrailingMargin(nodes: object[]): object[] {
  const last = nodes[nodes.length - 1] as { margin?: unknown } | undefined;
  if (!last || !Array.isArray(last.margin) || last.margin.length !== 4 || last.margin[3] === 0) return nodes;
  const [l, t, r] = last.margin as number[];
  return [...nodes.slice(0, -1), { ...last, margin: [l, t, r, 0] }];
}

/** Footnote text size and line height (styles.ts `footnote`), for the height estimate. */
const NOTE_LINE = 8.5 * 1.2;

/** Every footnote the text referred to, as Note paragraphs with an estimated height (nodes.ts Footnote). */
function footnotesOf(ctx: LayoutContext): Footnote[] {
  const numbers = [...new Set(ctx.seenFootnotes)];
  return numbers.flatMap((n) => {
    const note = ctx.doc.footnotes[n - 1];
    if (!note) return [];
    const plainText = note.content.map((r) => (r.kind === 'text' ? r.text : '')).join('');
    // Roboto averages about half an em per character; a line is rarely filled to the end.
    const perLine = Math.floor(((PORTRAIT_TEXT_WIDTH - SIDE_COLUMN) / (8.5 * 0.5)) * 0.9);
    const lines = Math.max(1, Math.ceil((plainText.length + 3) / perLine));
    // Set in the text column, as the running text it belongs to.
    const node = toTextColumn(tag({ text: [{ text: `${note.number} `, sup: true }, ...inlineText(note.content)], style: 'footnote', margin: [0, 0, 0, 2] }, { type: 'Note' }), false) as LayoutNode;
    return [{ number: note.number, node, height: lines * NOTE_LINE + 2 }];
  });
}

/**
 * The diagonal mark on every page (the cover too). A document built with --eksempel says EKSEMPEL
 * there, large and light, so it shows on every page without hiding a word; the variant's own mark
 * (UTKAST, HØYRINGSUTKAST) then stays in the running header. An artifact (emit/tagging.ts).
 */
function watermarkOf(variantMark: string | undefined, stamp: string | undefined, labels: Labels): object {
  if (stamp) return { watermark: { text: label(labels, 'eksempel_status'), color: COLOURS.stamp, opacity: 0.09, bold: true, fontSize: 110 } };
  return variantMark ? { watermark: { text: label(labels, variantMark), opacity: 0.06, bold: true, fontSize: 64 } } : {};
}

/** Lay out one variant of the document. `charts` maps chart ids to rendered SVG. */
export function layoutDocument(source: PlanDocument, variant: VariantName, charts: ReadonlyMap<string, string>): LaidOut {
  const labels = labelsFor(source.meta.language);
  // The text's fact references as this variant prints them; the stamp is decided on the references (source).
  const doc = resolveFacts(source, variant, labels);
  const accent = doc.meta.kommune.colour ?? COLOURS.accent;
  const ctx: LayoutContext = { doc, labels, variant, charts, seenFootnotes: [], accent };
  const stamped = stampedAsExample(source, variant);
  const tctx = templateContext(doc, variant, labels, stamped);
  const front: object[] = tagFrame(renderTemplate('docinfo', tctx));
  const rules = VARIANT_RULES[variant];
  for (const page of frontPagesOf(doc.meta.kindDefinition, variant)) front.push(...tagFrame(renderTemplate(page, tctx)));

  const body: object[] = [];
  const state = { landscape: false };
  for (const ch of doc.chapters) body.push(...withoutTrailingMargin(sectionNodes(ch, ctx, undefined, state)));
  const footnotes = footnotesOf(ctx);
  // variants.vedtak.endringar: the changes since the høyring version, as the vedtak's appendix.
  const appendix = variant === 'vedtak' ? (doc as WithEndringar).endringarAppendix : undefined;
  if (appendix) body.push(...endringarAppendix(appendix, labels));

  const mark = rules.headerMark ? label(labels, rules.headerMark) : '';
  const date = variantDate(doc, variant);
  const m = doc.meta;
  const stamp = stamped ? label(labels, 'eksempel_stamp') : undefined;
  const header = pageTemplate('header', { ...tctx, mark, margin: PAGE_MARGIN.side }, ['page', 'pages']);
  const footer = pageTemplate('footer', { ...tctx, margin: PAGE_MARGIN.side }, ['page', 'pages']);
  const definition: DocumentDefinition = {
    ...pdfaPageSetup(labels),
    info: {
      title: `${fullTitle(m)}${stamp ? `${TITLE_SEPARATOR}${stamp}` : ''}`,
      author: m.kommune.name,
      subject: m.subject ?? m.title,
      keywords: [...m.keywords, label(labels, `variant_${variant}`), ...(stamp ? [label(labels, 'eksempel_status')] : [])].join(', '),
      creator: 'plantrykk',
      producer: 'plantrykk (pdfmake)',
      creationDate: new Date(`${date}T12:00:00Z`),
    },
    defaultStyle,
    ...(footnotes.length > 0 ? { footnotes } : {}),
    styles: { ...documentStyles(accent), ...(appendix ? ENDRINGAR_STYLES : {}) },
    content: [
      ...tagFrame(renderTemplate('cover', tctx)),
      { text: '', pageBreak: 'after', pdfTag: { type: 'Artifact' } },
      ...front,
      { toc: { title: { text: label(labels, 'contents'), style: 'tocTitle' }, numberStyle: { fontSize: 10 } }, pageBreak: 'before', pdfTag: { type: 'TOC' } },
      ...body,
    ] as LayoutNode[],
    // Running header and footer are artifacts: repeated on every page, not part of the text.
    header: (page: number, pages: number) => (page === 1 ? null : asFurniture(tag({ stack: header({ page, pages }) }, { type: 'Artifact' }), 'header')),
    footer: (page: number, pages: number) => (page === 1 ? null : asFurniture(tag({ stack: footer({ page, pages }) }, { type: 'Artifact' }), 'footer')),
    ...watermarkOf(rules.watermark, stamp, labels),
  };
  const v = m.variants.vedtak;
  const sak = rules.hasSak ? (m.variants[variant] as { sak?: { nummer: string } } | undefined)?.sak : undefined;
  const xmpFields = {
    planId: m.id,
    version: m.version,
    status: label(labels, `variant_${variant}`),
    kind: m.kind,
    kommunenummer: m.kommune.nummer,
    documentDate: date,
    vedtaksdato: rules.isAdoption ? v?.date : undefined,
    saksnummer: sak?.nummer,
    eksempel: stamp,
  };
  return { variant, definition, xmpFields };
}
