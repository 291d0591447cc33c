// Generated lists: the tema- og handlingsplanar the målskjema refers to, and the sources register.
import { allEntries, shapeOf } from '../model/malskjemaShape.js';
import type { MalskjemaLevel } from '../model/malskjemaTypes.js';
import type { PlanDocument, PlanRef, Section, VariantName } from '../model/types.js';
import { label, type Labels } from './labels.js';
import { levelInSentence, tablesOf, visibleRows } from './malskjema.js';

/** Each referenced plan with the entries it serves (numbers of the title level, or of the rows), in order of first reference. */
export function planUsage(doc: PlanDocument, variant: VariantName): { plan: PlanRef; mal: string[]; level?: MalskjemaLevel }[] {
  const used = new Map<string, { plan: PlanRef; mal: string[]; level?: MalskjemaLevel }>();
  const visit = (s: Section): void => {
    for (const b of s.blocks) {
      if (b.kind !== 'malskjema') continue;
      const m = b.malskjema;
      const shape = shapeOf(m.config);
      for (const t of tablesOf(m)) {
        for (const row of visibleRows(t.rows, m.config, variant)) {
          const serves = shape.title ? t.title : row;
          const level = shape.title ?? shape.row;
          for (const e of allEntries([row])) {
            if (!e.plan) continue;
            const entry = used.get(e.plan.id) ?? { plan: e.plan, mal: [], ...(level ? { level } : {}) };
            const nummer = serves?.nummer;
            if (nummer !== undefined && !entry.mal.includes(nummer)) entry.mal.push(nummer);
            used.set(e.plan.id, entry);
          }
        }
      }
    }
    s.sections.forEach(visit);
  };
  doc.chapters.forEach(visit);
  return [...used.values()];
}

/** The line under a plan in the planliste, the PDF's and the web's: «Bidreg til delmål 2.1, 2.3» (none without numbers). */
export function servesLine(l: Labels, u: { mal: readonly string[]; level?: MalskjemaLevel }): string | undefined {
  if (!u.level || u.mal.length === 0) return undefined;
  return `${label(l, 'planliste_serves')} ${levelInSentence(l, u.level)} ${u.mal.join(', ')}`;
}

/**
 * The plan's kind in brackets after its title, where it adds something: not for the general «plan»,
 * and not where the title names it already («Bustadsosial handlingsplan»), also inside a compound
 * («Rusmiddelhandlingsplan»): a part of a word here, unlike titleNamesKind's whole words on the cover.
 */
export function planTypeNote(l: Labels, plan: Pick<PlanRef, 'title' | 'type'>): string | undefined {
  const kind = label(l, `plantype_${plan.type}`);
  if (plan.type === 'plan' || plan.title.toLocaleLowerCase('nb').includes(kind.toLocaleLowerCase('nb'))) return undefined;
  return ` (${kind})`;
}
