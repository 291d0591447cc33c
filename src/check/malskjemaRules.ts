// Rules on a målskjema: delmål ids, tiltak plan references against the register, and years
// inside the handlingsdel with amounts that are not negative.
import { closest } from 'fastest-levenshtein';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Malskjema, Period } from '../model/types.js';
import type { Claim } from './claim.js';

/** How often each registered plan is referred to; `hasRegister` false when plan.yaml names none. */
export interface PlanUse {
  readonly counts: Map<string, number>;
  readonly hasRegister: boolean;
}

export function checkMalskjema(m: Malskjema, hd: Period | undefined, use: PlanUse | undefined, claim: Claim, sink: DiagnosticSink): void {
  const known = [...(use?.counts.keys() ?? [])];
  for (const mal of m.mal) {
    for (const d of mal.delmal) {
      claim(d.id, d.idSpan);
      for (const o of d.oppna) {
        for (const t of o.tiltak) {
          if (t.planId && use) {
            const id = t.planId.value;
            const n = use.counts.get(id);
            if (n !== undefined) use.counts.set(id, n + 1);
            else {
              const suggestion = known.length ? closest(id, known) : undefined;
              sink.report('validate/unknown-plan', t.planId.span, { id, ...(suggestion ? { suggestion } : {}) },
                use.hasRegister ? [] : ['the plan has no `registers.planar` file in plan.yaml']);
            }
          }
          for (const { year, value, keySpan, valueSpan } of t.years) {
            const y = Number(year);
            if (hd && (y < hd.from || y > hd.to)) sink.report('validate/year-outside', keySpan, { year, from: hd.from, to: hd.to });
            if (typeof value === 'number' && value < 0) sink.report('validate/negative-amount', valueSpan, { value });
          }
        }
      }
    }
  }
}
