// The shape of an upstream pdfmake/pdfkit method as the extensions see it, and the error for an
// upstream that no longer has that shape: their own module, so the extension modules and the registry
// that installs them do not import each other.

/** A method as the extensions see it (pdfmake is untyped JavaScript). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Method = (this: any, ...args: any[]) => any;

/** pdfmake or pdfkit no longer has the shape an extension was written against: a bug to fix here, not a user error. */
export class EngineShapeError extends Error {
  override readonly name = 'EngineShapeError';
}
