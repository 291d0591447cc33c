// Import rules: the folders of src/ are the pipeline's stages, and data flows one way.
// A stage may import core/ and earlier stages, never a later one; no import cycles anywhere.
// Checked in CI by `npm run lint:deps` (part of `npm test`).

/** The stages in pipeline order; `src/<name>/` for folders, files for the two entry modules. */
const STAGES = ['core', 'load', 'validate', 'model', 'check', 'compare', 'charts', 'layout', 'web', 'emit', 'pipeline', 'cli'];
/**
 * The web edition (src/web/) is written from the model, never from the PDF's layout: of layout/ it
 * may use only the rules both editions share (label files, alt texts, number and date words, which
 * målskjema rows and plans a variant shows), none of the pdfmake nodes, styles or templates.
 */
const WEB_MAY_USE_FROM_LAYOUT = ['labels', 'altText', 'numbers', 'lists', 'malskjema', 'framdrift', 'variantRules', 'facts', 'tableColumns'];
/** Side tools the CLI calls beside the pipeline, with the stages each may use. */
const SIDE = { audit: ['core'], scaffold: ['core', 'model'] };

/** The files of a stage: its folder; the pipeline level is pipeline.ts and run/ (the stages of one variant, the render pool). */
const path = (s) => (s === 'pipeline' ? '^src/(pipeline\\.ts$|run/)' : s === 'cli' ? '^src/command\\.ts$' : `^src/${s}/`);

const upward = STAGES.flatMap((stage, i) => {
  const later = STAGES.slice(i + 1);
  if (later.length === 0) return [];
  return [{
    name: `no-upward-from-${stage}`,
    comment: `${stage} runs before ${later.join(', ')}: it must not import them`,
    severity: 'error',
    from: { path: path(stage) },
    to: { path: later.map(path) },
  }];
});

const side = Object.entries(SIDE).map(([tool, uses]) => ({
  name: `${tool}-uses-${uses.join('-')}-only`,
  comment: `${tool} is a side tool: it imports ${uses.join(' and ')} only`,
  severity: 'error',
  from: { path: path(tool) },
  to: { path: STAGES.filter((s) => !uses.includes(s)).map(path) },
}));

const webFromLayout = {
  name: 'web-not-from-pdf-layout',
  comment: 'the web edition is written from the model; of layout/ it uses only the rules both editions share',
  severity: 'error',
  from: { path: '^src/web/' },
  to: { path: '^src/layout/', pathNot: `^src/layout/(${WEB_MAY_USE_FROM_LAYOUT.join('|')})\\.ts$` },
};

const intoSide = {
  name: 'no-pipeline-into-side-tools',
  comment: 'the build never loads a side tool (audit loads pdfjs-dist, whose polyfills break chart.js); only the CLI may',
  severity: 'error',
  from: { path: '^src/', pathNot: ['^src/command\\.ts$', ...Object.keys(SIDE).map(path)] },
  to: { path: Object.keys(SIDE).map(path) },
};

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'import cycles hide the order of the stages',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    ...side,
    webFromLayout,
    intoSide,
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/validate/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
