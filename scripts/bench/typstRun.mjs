// One Typst render in a fresh process, for the benchmark's from-process-start figure:
// node scripts/bench/typstRun.mjs <in.typ> <out.pdf>. The fonts are plantrykk's own (Roboto from
// pdfmake), handed over as bytes, so both renderers set the same font.
import * as fs from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { typstFonts, TYPST_PDF } from './typst.mjs';

const [input, output] = process.argv.slice(2);
const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs: typstFonts() }] });
fs.writeFileSync(output, compiler.pdf({ mainFileContent: fs.readFileSync(input, 'utf8') }, TYPST_PDF));
