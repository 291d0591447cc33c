// The part of fontkit's API plantrykk uses (fontkit ships no types).
declare module 'fontkit' {
  export function create(buffer: Buffer): unknown;
}
