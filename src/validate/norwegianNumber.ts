// Amounts as Norwegian is written: «1 200 000», «1 200 000 kr», «kr 200 000», «−1 200», «12,5 %».
// Input: one text (a table cell, a budget amount, a fakta value). Output: its value and unit, or a hint
// that says what to write instead. Pure; no state. Thousands are grouped by three with a space,
// no-break space, narrow no-break space or thin space; the decimal mark is a comma.

export type NumberUnit = 'kr' | '%';

export type ParsedNumber =
  | { readonly ok: true; readonly value: number; readonly unit?: NumberUnit }
  | { readonly ok: false; readonly hint: string };

/** Characters that may stand between groups of three digits. */
const GROUP = '[ \u00a0\u202f\u2009]';
/** Digits with optional grouping by three: «1200000», «1 200 000». */
const INTEGER = new RegExp(`^(?:\\d+|\\d{1,3}(?:${GROUP}\\d{3})+)$`);
/** Any whitespace the loader or a word processor may leave around a value or a unit. */
const SPACE = /[\s\u00a0\u202f\u2009]+/g;

const WHAT_TO_WRITE = 'write digits with a space between groups of three and a decimal comma, e.g. 1 200 000, 12,5, 1 200 000 kr or 12,5 %';

const refuse = (hint: string): ParsedNumber => ({ ok: false, hint });

/** Split off a leading «kr»/«kr.» or a trailing «kr», «,-» or «%». */
function splitUnit(text: string): { body: string; unit?: NumberUnit } {
  const prefix = /^kr\.?[ \u00a0\u202f\u2009]*(?=[-\u2212\d])/i.exec(text);
  if (prefix) return { body: text.slice(prefix[0].length), unit: 'kr' };
  const suffix = /[ \u00a0\u202f\u2009]*(kr\.?|,-|%)$/i.exec(text);
  if (suffix) return { body: text.slice(0, suffix.index), unit: suffix[1] === '%' ? '%' : 'kr' };
  return { body: text };
}

/** Read one amount written the Norwegian way; a refusal's hint says what to write instead. */
export function parseNorwegianNumber(text: string): ParsedNumber {
  const trimmed = text.replace(SPACE, ' ').trim();
  if (trimmed === '') return refuse(`the cell is empty; ${WHAT_TO_WRITE}`);
  const { body, unit } = splitUnit(trimmed);
  let rest = body.trim();
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('\u2212')) {
    negative = true;
    rest = rest.slice(1).trim();
  } else if (rest.startsWith('\u2013')) {
    return refuse(`a minus is written with a hyphen (-) or a minus sign (−), not a dash (–): ${WHAT_TO_WRITE}`);
  }
  // SPACE above made every separator a plain space, so the hints below show plain spaces.
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(rest)) {
    return refuse(`write ${rest.replace(/\./g, ' ')}: thousands are separated by a space in Norwegian, not by a full stop`);
  }
  if (/^\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$/.test(rest) || /^\d{1,3}(?:,\d{3})+\.\d+$/.test(rest)) {
    const [whole, fraction] = rest.split('.');
    return refuse(`write ${whole!.replace(/,/g, ' ')}${fraction ? `,${fraction}` : ''}: thousands are separated by a space in Norwegian, and the decimal mark is a comma`);
  }
  if (/^\d+\.\d+$/.test(rest)) return refuse(`write ${rest.replace('.', ',')}: the decimal mark in Norwegian is a comma`);
  const [whole, fraction, extra] = rest.split(',');
  if (extra !== undefined || whole === undefined) return refuse(WHAT_TO_WRITE);
  if (!INTEGER.test(whole)) {
    if (/^[\d ]+$/.test(whole)) return refuse(`the digits are not grouped by three from the right (${whole}); ${WHAT_TO_WRITE}`);
    return refuse(WHAT_TO_WRITE);
  }
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return refuse(WHAT_TO_WRITE);
  const value = Number(`${whole.replace(/ /g, '')}${fraction !== undefined ? `.${fraction}` : ''}`);
  if (!Number.isFinite(value)) return refuse(WHAT_TO_WRITE);
  const signed = negative && value !== 0 ? -value : value;
  return unit ? { ok: true, value: signed, unit } : { ok: true, value: signed };
}
