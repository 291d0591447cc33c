// The cover's geometry and colours: a band in the kommune's colour (below the cover photo when the
// plan has one), text on it in whichever of dark or white reads better on that colour, and the kind
// of plan printed only when the title does not already name it.
import type { PlanMeta } from '../model/types.js';
import { titleNamesKind } from '../model/title.js';
import { textColourOn } from '../charts/contrast.js';
import { label, type Labels } from './labels.js';
import { PAGE_MARGIN, PAGE_SIZE } from './styles.js';

/** Height of the cover photo at the top of the page (full page width), in points. */
const PHOTO_HEIGHT = 300;
/** Where the colour band ends: about two thirds of the page, so the cover is the kommune's colour. */
const BAND_BOTTOM = 560;

/** What cover.hbs needs besides the plan's facts: positions, colours, the kind line and the photo. */
export interface CoverContext {
  readonly pageWidth: number;
  readonly margin: number;
  readonly bandTop: number;
  readonly bandHeight: number;
  readonly photoHeight: number;
  readonly creditTop: number;
  readonly stampTop: number;
  /** Top of the kommune line (logo box and name). */
  readonly kommuneTop: number;
  readonly logoX: number;
  readonly logoTop: number;
  readonly kommuneX: number;
  readonly kommuneTextTop: number;
  /** Space above the title (or the kind line), from the top margin. */
  readonly titleGap: number;
  readonly statusTop: number;
  readonly footTop: number;
  /** Text colour on the band: dark or white by contrast with the kommune's colour. */
  readonly textColour: string;
  /** The kind of plan, or null when the title already says it («Planprogram – …»). */
  readonly kindLine: string | null;
  /** The plan period, or null when title or subtitle already print it. */
  readonly periodLine: string | null;
  readonly photo: { readonly data: string; readonly alt: string; readonly credit: string } | null;
}

/** The cover's layout for a plan whose band has `colour`. */
export function coverContext(meta: PlanMeta, colour: string, labels: Labels): CoverContext {
  const photo = meta.cover;
  const bandTop = photo ? PHOTO_HEIGHT : 0;
  const kommuneTop = photo ? PHOTO_HEIGHT + 28 : 56;
  const kindName = meta.kindDefinition.name[meta.language];
  const period = `${meta.period.from}–${meta.period.to}`;
  return {
    pageWidth: PAGE_SIZE.width,
    margin: PAGE_MARGIN.side,
    bandTop,
    bandHeight: BAND_BOTTOM - bandTop,
    photoHeight: PHOTO_HEIGHT,
    creditTop: PHOTO_HEIGHT + 6,
    stampTop: 30,
    kommuneTop,
    logoX: PAGE_MARGIN.side + 4,
    logoTop: kommuneTop + 4,
    kommuneX: PAGE_MARGIN.side + 60,
    kommuneTextTop: kommuneTop + 20,
    titleGap: (photo ? PHOTO_HEIGHT + 110 : 250) - PAGE_MARGIN.top,
    statusTop: BAND_BOTTOM + 40,
    footTop: PAGE_SIZE.height - PAGE_MARGIN.bottom - 4,
    textColour: textColourOn(colour),
    kindLine: titleNamesKind(meta.title, kindName) ? null : kindName,
    periodLine: [meta.title, meta.subtitle ?? ''].some((t) => t.includes(period)) ? null : period,
    photo: photo
      ? {
          data: `data:${photo.image.mime};base64,${Buffer.from(photo.image.bytes).toString('base64')}`,
          alt: photo.alt,
          credit: `${label(labels, photo.illustration ? 'cover_illustration' : 'cover_photo')}: ${photo.credit}`,
        }
      : null,
  };
}
