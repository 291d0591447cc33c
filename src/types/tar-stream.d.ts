// The part of tar-stream 2.x's API plantrykk uses (it ships no types).
declare module 'tar-stream' {
  import type { Readable, Writable } from 'node:stream';
  export interface Headers {
    name: string;
    size?: number;
    mode?: number;
    mtime?: Date;
    type?: 'file' | 'directory' | 'symlink' | 'link' | string;
    uid?: number;
    gid?: number;
    uname?: string;
    gname?: string;
  }
  export interface Pack extends Readable {
    entry(header: Headers, buffer: Buffer, callback?: (err?: Error) => void): Writable;
    finalize(): void;
  }
  export interface Extract extends Writable {
    on(event: 'entry', listener: (header: Headers, stream: Readable, next: () => void) => void): this;
    on(event: 'finish', listener: () => void): this;
    on(event: 'error', listener: (e: Error) => void): this;
  }
  export function pack(): Pack;
  export function extract(): Extract;
}
