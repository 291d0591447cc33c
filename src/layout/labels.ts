// Label files: every word the tool itself prints, per language form (templates/labels/nn|nb.yaml).
import { parse } from 'yaml';
import { readAsset } from '../core/assets.js';
import { readyLabels } from '../core/builtAhead.js';
import type { Language } from '../model/types.js';

/** All generated words of one language form; months are the 12 month names. */
export type Labels = Readonly<Record<string, string>> & { readonly months?: readonly string[] };

const cache = new Map<Language, Labels>();

/** The labels for `language`, read once. */
export function labelsFor(language: Language): Labels {
  let l = cache.get(language);
  if (!l) {
    const text = readAsset(`labels/${language}.yaml`);
    l = (readyLabels(text) ?? parse(text)) as Labels;
    cache.set(language, l);
  }
  return l;
}

/** A label that must exist; a missing one is a bug in the label files, caught by the tests. */
export function label(labels: Labels, key: string): string {
  const v = labels[key];
  if (typeof v !== 'string') throw new Error(`label '${key}' is missing`);
  return v;
}

/** "2022-09-05" → "5. september 2022" in the plan's language form; a line never breaks between day and month. */
export function formatDate(labels: Labels, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = labels.months as unknown as readonly string[];
  return `${d}.\u00a0${months[(m ?? 1) - 1]} ${y}`;
}
