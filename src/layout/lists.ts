// Generated lists: the tema- og handlingsplanar the målskjema refers to, and the sources register.
import type { PlanDocument, PlanRef, Section, VariantName } from '../model/types.js';
import { visibleDelmal } from './malskjema.js';

/** Each referenced plan with the KDP-mål it serves, in order of first reference. */
export function planUsage(doc: PlanDocument, variant: VariantName): { plan: PlanRef; mal: string[] }[] {
  const used = new Map<string, { plan: PlanRef; mal: string[] }>();
  const visit = (s: Section): void => {
    for (const b of s.blocks) {
      if (b.kind !== 'malskjema') continue;
      for (const mal of b.malskjema.mal) {
        for (const d of visibleDelmal(mal.delmal, variant)) {
          for (const o of d.oppna) {
            for (const t of o.tiltak) {
              if (!t.plan) continue;
              const entry = used.get(t.plan.id) ?? { plan: t.plan, mal: [] };
              if (!entry.mal.includes(mal.nummer)) entry.mal.push(mal.nummer);
              used.set(t.plan.id, entry);
            }
          }
        }
      }
    }
    s.sections.forEach(visit);
  };
  doc.chapters.forEach(visit);
  return [...used.values()];
}
