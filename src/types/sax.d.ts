// The part of sax's API plantrykk uses (sax ships no types).
declare module 'sax' {
  export interface Tag {
    readonly name: string;
    readonly attributes: Readonly<Record<string, string>>;
    readonly isSelfClosing: boolean;
  }
  export interface SAXParser {
    /** 0-based line and column of the parser's position. */
    readonly line: number;
    readonly column: number;
    /** 1-based offset of the character after the `<` of the current tag. */
    readonly startTagPosition: number;
    onerror: (e: Error) => void;
    onopentag: (tag: Tag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    ondoctype: (doctype: string) => void;
    write(chunk: string): SAXParser;
    close(): SAXParser;
  }
  export function parser(strict: boolean, options?: { position?: boolean; trim?: boolean; normalize?: boolean; lowercase?: boolean; xmlns?: boolean }): SAXParser;
  const sax: { parser: typeof parser };
  export default sax;
}
