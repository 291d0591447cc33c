// The archive sidecar: one record per document of a version, with the fields an archivist imports
// (Noark-style names in Norwegian), written beside the PDFs and the manifest.
import type { PlanDocument, Sak } from '../model/types.js';
import { VARIANT_RULES } from '../model/variants.js';
import { stampedAsExample } from '../model/examples.js';
import { fullTitle } from '../model/title.js';
import type { Manifest } from './manifest.js';
import { label, labelsFor } from '../layout/labels.js';

export const ARCHIVE_SIDECAR = 'arkivmetadata.json';
export const SIDECAR_VERSION = 1;

/** The PDF/A level every PDF claims (and `plantrykk audit` checks). */
export const PDFA_LEVEL = 'PDF/A-2a';


/** The archive records for every document in `manifest`. */
export function archiveSidecar(doc: PlanDocument, manifest: Manifest): object {
  const m = doc.meta;
  const labels = labelsFor(m.language);
  return {
    versjon: SIDECAR_VERSION,
    // The plan files every document of the version was built from (the kept source).
    ...(manifest.source ? { kjelde: { filnamn: manifest.source.file, sha256: manifest.source.sha256, storleik: manifest.source.bytes } } : {}),
    // The endringsoversikt against an earlier version, when one was made (`plantrykk endringar`).
    ...(manifest.endringar
      ? { endringar: { filnamn: manifest.endringar.file, samanliknaMedVersjon: manifest.endringar.against, sha256: manifest.endringar.sha256, sider: manifest.endringar.pages, pdfaNiva: PDFA_LEVEL } }
      : {}),
    dokument: manifest.documents.map((d) => {
      // A document built with --eksempel holds values that are not the kommune's own: its status says so.
      const eksempel = stampedAsExample(doc, d.variant);
      const sak: Sak | undefined = VARIANT_RULES[d.variant].hasSak ? (m.variants[d.variant] as { sak?: Sak } | undefined)?.sak : undefined;
      return {
        tittel: fullTitle(m),
        kommune: m.kommune.name,
        kommunenummer: m.kommune.nummer,
        dokumenttype: m.kindDefinition.dokumenttype,
        planId: m.id,
        versjon: m.version,
        status: `${label(labels, `variant_${d.variant}`)}${eksempel ? ` – ${label(labels, 'eksempel_stamp')}` : ''}`,
        dato: d.date,
        saksnummer: sak?.nummer ?? null,
        organ: sak?.organ ?? null,
        sprak: m.language === 'nn' ? 'nno' : 'nob',
        filnamn: d.file,
        sha256: d.sha256,
        sider: d.pages,
        pdfaNiva: PDFA_LEVEL,
      };
    }),
  };
}
