// The aktivitets- og meistringstrapp drawn from data: one box per trinn, each a step further
// right and higher than the one below, coloured by kategori — real text, not a picture.
import type { Trapp } from '../model/types.js';
import type { Labels } from './labels.js';
import { label } from './labels.js';
import { PORTRAIT_TEXT_WIDTH } from './styles.js';

const KATEGORI_FILLS = ['#dcebd5', '#d3e4f0', '#fbe5c8', '#f2d4d7', '#e6dcef', '#e0e0e0', '#d8efec', '#f6f1c7'];

/** pdfmake nodes for the staircase: top trinn first, so it reads as a staircase going up. */
export function trappNodes(trapp: Trapp, labels: Labels): object[] {
  const n = trapp.trinn.length;
  const boxWidth = 270;
  const labelWidth = 52;
  const step = n > 1 ? (PORTRAIT_TEXT_WIDTH - boxWidth - labelWidth) / (n - 1) : 0;
  const fill = new Map(trapp.kategoriar.map((k, i) => [k.id, KATEGORI_FILLS[i % KATEGORI_FILLS.length]!]));
  const kategoriNummer = new Map(trapp.kategoriar.map((k) => [k.id, k.nummer]));
  const rows = [...trapp.trinn].reverse().map((t) => ({
    columns: [
      { width: (t.nummer - 1) * step, text: '' },
      {
        width: boxWidth,
        table: {
          widths: ['*'],
          body: [[{
            stack: [
              { text: [{ text: `${label(labels, 'trapp_trinn')} ${t.nummer}: `, bold: true }, t.name], style: 'trappBox' },
              ...(t.detail ? [{ text: t.detail, style: 'trappDetail' }] : []),
            ],
            fillColor: fill.get(t.kategori),
          }]],
        },
        layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, hLineColor: () => '#7a8a96', vLineColor: () => '#7a8a96' },
      },
      { width: '*', text: `${label(labels, 'trapp_kategori')} ${kategoriNummer.get(t.kategori) ?? ''}`, fontSize: 7, color: '#555555', margin: [4, 4, 0, 0] },
    ],
    columnGap: 0,
    margin: [0, 0, 0, 1.5],
  }));
  const legend = {
    table: {
      widths: [12, '*'],
      body: trapp.kategoriar.map((k) => [
        { text: '', fillColor: fill.get(k.id) },
        { text: `${label(labels, 'trapp_kategori')} ${k.nummer}: ${k.name}`, fontSize: 8.5 },
      ]),
    },
    layout: 'noBorders',
    margin: [0, 6, 0, 0],
  };
  return [...rows, legend];
}
