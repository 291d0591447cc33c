// Web stage: the typed model of one variant → a static, self-contained web edition: index.html
// (title, facts, the variant's notice, table of contents) and one page per chapter, the style sheet
// and the fonts beside them. No script, no external request; relative links only, so it works from
// file:// and from any web server. Numbers come from the model, so they are the PDF's.
// Invariant: same model, variant and tool → same files, same bytes; no clock.
import type { Language, PlanDocument, Section, VariantName } from '../model/types.js';
import { VARIANT_RULES, frontPagesOf } from '../model/variants.js';
import { variantDate } from '../model/variantDate.js';
import { stampedAsExample } from '../model/examples.js';
import { contrastRatio, textColourOn } from '../charts/contrast.js';
import { readAsset } from '../core/assets.js';
import type { FontFace } from '../core/fonts.js';
import { formatDate, label, labelsFor, type Labels } from '../layout/labels.js';
import { resolveFacts } from '../layout/facts.js';
import { fullTitle, titleNamesKind } from '../model/title.js';
import { FootnoteMarks, esc } from './html.js';
import type { WebContext } from './context.js';
import { blockHtml } from './blocks.js';
import { inl } from './parts.js';
import { renderWebTemplate } from './templates.js';

/** The folder of the web edition inside a version folder, and of one variant inside it. */
export const WEB_DIR = 'web';
export const webVariantDir = (variant: VariantName): string => `${WEB_DIR}/${variant}`;
/** The shared files of every variant (style sheet, fonts). */
export const WEB_ASSETS_DIR = `${WEB_DIR}/assets`;

/** One file of the web edition, its path relative to the version folder. */
export interface WebFile {
  readonly path: string;
  readonly bytes: Buffer;
}

/** What the site needs from outside the model: the tool version, the font files, the PDF's file name. */
export interface SiteInputs {
  readonly toolVersion: string;
  readonly fontBytes: (face: FontFace) => Buffer;
  /** The file name of the same variant's PDF in the version folder. */
  readonly pdfFile: string;
}

const FONT_FILES: Readonly<Record<FontFace, string>> = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};

/** The shared files: the style sheet and the four font faces. */
export function siteAssets(inputs: Pick<SiteInputs, 'fontBytes'>): WebFile[] {
  return [
    { path: `${WEB_ASSETS_DIR}/plantrykk.css`, bytes: Buffer.from(readAsset('web/plantrykk.css'), 'utf8') },
    ...(Object.keys(FONT_FILES) as FontFace[]).map((f) => ({ path: `${WEB_ASSETS_DIR}/fonts/${FONT_FILES[f]}`, bytes: inputs.fontBytes(f) })),
  ];
}

/** The file name of a chapter's page. */
export const chapterFile = (ch: Section): string => `${ch.number}-${ch.id}.html`;

const sectionAnchor = (s: Section): string => `sec-${s.id}`;

/** The heading text, as the PDF prints it: number and title. */
const headingText = (s: Section): string => `${s.number} ${s.title}`;

function sectionHtml(s: Section, ctx: WebContext): string {
  const level = s.level;
  const heading = `<h${level} id="${sectionAnchor(s)}"><span class="num-h">${esc(s.number)}</span> ${esc(s.title)}</h${level}>`;
  // A chapter page opens with links to its sections: on a phone, the way to a målskjema row far down.
  const nav = level === 1 && s.sections.length > 0
    ? `<nav class="in-chapter" aria-label="${esc(label(ctx.labels, 'web_in_chapter'))}"><ul>${s.sections.map((sub) => `<li><a href="#${sectionAnchor(sub)}">${esc(headingText(sub))}</a></li>`).join('')}</ul></nav>`
    : '';
  return heading + nav + s.blocks.map((b) => blockHtml(b, ctx)).join('') + s.sections.map((sub) => sectionHtml(sub, ctx)).join('');
}

function footnotesHtml(ctx: WebContext): string {
  if (ctx.notes.order.length === 0) return '';
  const l = ctx.labels;
  // A note's own marks are not linked (they would point into the note list itself).
  const items = ctx.notes.order.map((nr) => {
    const note = ctx.doc.footnotes[nr - 1];
    const body = note ? inl(note.content, { ...ctx, notes: new FootnoteMarks() }) : '';
    return `<li id="fn-${nr}" value="${nr}">${body} <a href="#fnref-${nr}" class="fnback" aria-label="${esc(`${label(l, 'web_footnote_back')} (${label(l, 'web_footnote_ref')} ${nr})`)}">↩</a></li>`;
  });
  return `<section class="footnotes" aria-labelledby="fotnotar"><h2 id="fotnotar">${esc(label(l, 'footnotes'))}</h2><ol>${items.join('')}</ol></section>`;
}

function tocHtml(chapters: readonly Section[]): string {
  const items = (sections: readonly Section[], file: string): string => sections.length === 0 ? '' : `<ol>${sections.map((s) => {
    const href = s.level === 1 ? file : `${file}#${sectionAnchor(s)}`;
    return `<li><a href="${href}">${esc(headingText(s))}</a>${items(s.sections, file)}</li>`;
  }).join('')}</ol>`;
  return `<ol>${chapters.map((ch) => `<li><a href="${chapterFile(ch)}">${esc(headingText(ch))}</a>${items(ch.sections, chapterFile(ch))}</li>`).join('')}</ol>`;
}

/** The accent colour for text: the kommune's when it reads on white (4.5:1), else a dark one. */
function accentText(accent: string): string {
  return contrastRatio(accent, '#ffffff') >= 4.5 ? accent : '#10324a';
}

const safeWeb = (s: string | undefined): string | undefined => (s && /^https?:\/\//i.test(s) ? s : s && /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(s) ? `https://${s}` : undefined);

function frame(doc: PlanDocument, variant: VariantName, labels: Labels, inputs: SiteInputs, stamped: boolean): Record<string, unknown> {
  const m = doc.meta;
  const date = (iso: string | undefined): string | null => (iso ? formatDate(labels, iso) : null);
  const sak = (s: { organ: string; nummer: string; date: string } | undefined) => (s ? { organ: s.organ, nummer: s.nummer, date: date(s.date) } : null);
  const h = m.variants.hoyring;
  const v = m.variants.vedtak;
  const contact = { ...(m.kommune.hoyring ?? {}), ...(h?.innspel ?? {}) } as { epost?: string; adresse?: string; merking?: string; nettside?: string };
  const rules = VARIANT_RULES[variant];
  const accent = m.kommune.colour ?? '#1b5e87';
  const kindName = m.kindDefinition.name[m.language];
  const oppstart = frontPagesOf(m.kindDefinition, variant).includes('oppstart-notice');
  return {
    lang: langOf(m.language),
    labels,
    toolVersion: inputs.toolVersion,
    accent,
    accentText: accentText(accent),
    // Text on a fill of the kommune's colour (the målskjema's caption and header cells): dark or white by contrast.
    onAccent: textColourOn(accent),
    kommune: m.kommune.name,
    kommunenummer: m.kommune.nummer,
    logo: m.kommune.logo ? `data:image/svg+xml;base64,${Buffer.from(m.kommune.logo, 'utf8').toString('base64')}` : null,
    planTitle: m.title,
    subtitle: m.subtitle ?? null,
    kindName,
    // As on the PDF cover: the kind beside the status only where the title does not name it.
    kindLine: titleNamesKind(m.title, kindName) ? null : kindName,
    period: `${m.period.from}–${m.period.to}`,
    handlingsdel: m.handlingsdel ? `${m.handlingsdel.from}–${m.handlingsdel.to}` : null,
    version: m.version,
    status: label(labels, `variant_${variant}`),
    date: date(variantDate(doc, variant)),
    mark: rules.headerMark ? label(labels, rules.headerMark) : '',
    isUtkast: variant === 'utkast',
    isHoyring: variant === 'hoyring',
    isVedtak: variant === 'vedtak',
    hoyring: h
      ? {
          date: date(h.date),
          frist: date(h.frist),
          sak: sak(h.sak) ?? { organ: '', nummer: '', date: '' },
          innspel: { epost: contact.epost ?? null, adresse: contact.adresse ?? null, merking: contact.merking ?? null, nettside: contact.nettside ?? null, nettsideHref: safeWeb(contact.nettside) ?? null },
        }
      : null,
    notice: oppstart
      ? { title: label(labels, 'planprogram_notice_title'), intro: label(labels, 'planprogram_notice_intro'), period: true }
      : { title: label(labels, 'hoyring_title'), intro: label(labels, 'hoyring_intro'), period: false },
    // The sak's date only where it is not the vedtaksdato (as on the PDF's vedtak page): no field twice.
    vedtak: v ? { date: date(v.date), sak: sak(v.sak) ?? { organ: '', nummer: '', date: '' }, sakDate: v.sak && v.sak.date !== v.date ? date(v.sak.date) : null } : null,
    eksempel: stamped ? label(labels, 'eksempel_stamp') : null,
    pdfFile: inputs.pdfFile,
    pdfHref: `../../${encodeURIComponent(inputs.pdfFile)}`,
  };
}

/** `lang` of the pages: nn or nb (BCP 47). */
const langOf = (language: Language): string => language;

/** The pages of one variant (index and chapters, and the images they show), under web/<variant>/. */
export function buildSite(source: PlanDocument, variant: VariantName, inputs: SiteInputs): WebFile[] {
  const labels = labelsFor(source.meta.language);
  // The text's fact references as this variant prints them, as in the PDF (layout/facts.ts).
  const doc = resolveFacts(source, variant, labels);
  const base = frame(doc, variant, labels, inputs, stampedAsExample(source, variant));
  const dir = webVariantDir(variant);
  const files: WebFile[] = [];
  const images = new Map<string, Uint8Array>();
  const page = (name: string, pageTitle: string, content: string, pager: object | null): void => {
    const html = renderWebTemplate('page', { ...base, pageTitle, content, pager });
    files.push({ path: `${dir}/${name}`, bytes: Buffer.from(html, 'utf8') });
  };
  const siteTitle = `${fullTitle(doc.meta)} – ${base.kommune as string}`;
  page('index.html', `${siteTitle} (${base.status as string})`, renderWebTemplate('index', { ...base, toc: tocHtml(doc.chapters) }), null);
  doc.chapters.forEach((ch, i) => {
    const ctx: WebContext = { doc, labels, variant, notes: new FootnoteMarks(), images, ids: { next: 0 } };
    const content = sectionHtml(ch, ctx) + footnotesHtml(ctx);
    const link = (c: Section | undefined) => (c ? { href: chapterFile(c), title: headingText(c) } : null);
    page(chapterFile(ch), `${headingText(ch)} – ${siteTitle}`, content, { previous: link(doc.chapters[i - 1]), next: link(doc.chapters[i + 1]) });
  });
  for (const [name, bytes] of [...images].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) files.push({ path: `${dir}/${name}`, bytes: Buffer.from(bytes) });
  return files;
}
