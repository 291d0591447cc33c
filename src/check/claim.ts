// Id claims: each name space (document anchors, delmål, a register, a trapp's kategoriar) keeps
// the first place an id was written; a second claim of the same id is a duplicate.
import type { Span } from '../core/span.js';

/** Claims an id in one name space at `span`. */
export type Claim = (id: string, span: Span) => void;
