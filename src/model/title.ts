// The plan's full title where one line must carry it (PDF title, XMP dc:title, arkivmetadata `tittel`):
// title and subtitle joined by a dash, so «Kommunedelplan helse, sosial og omsorg – 2022–2034» never
// runs together as «… omsorg 2022–2034».
import type { PlanMeta } from './types.js';

/** Between title and subtitle on one line. */
export const TITLE_SEPARATOR = ' – ';

/** Title and subtitle on one line. */
export const fullTitle = (meta: Pick<PlanMeta, 'title' | 'subtitle'>): string =>
  meta.subtitle ? `${meta.title}${TITLE_SEPARATOR}${meta.subtitle}` : meta.title;

/** Whether `title` already names the kind (so printing the kind beside it would repeat it). */
export function titleNamesKind(title: string, kindName: string): boolean {
  const words = (s: string): string => ` ${s.toLocaleLowerCase('nb').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  return words(title).includes(words(kindName));
}
