// Finding model nodes again: a later stage that learns only a block's id (e.g. a PDF/A problem
// with a figure) reports at the block's span, found here.
import type { Block, PlanDocument, Section } from './types.js';

/** Every block of the document in reading order. */
export function allBlocks(doc: PlanDocument): Block[] {
  const walk = (s: Section): Block[] => [...s.blocks, ...s.sections.flatMap(walk)];
  return doc.chapters.flatMap(walk);
}

/** The block with anchor id `id` (ids are unique: the checks refuse duplicates). */
export function blockById(doc: PlanDocument, id: string): Block | undefined {
  return allBlocks(doc).find((b) => 'id' in b && b.id === id);
}
