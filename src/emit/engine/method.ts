// The shape of an upstream pdfmake/pdfkit method as the extensions see it: its own module, so the
// extension modules and the registry that installs them do not import each other.

/** A method as the extensions see it (pdfmake is untyped JavaScript). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Method = (this: any, ...args: any[]) => any;
