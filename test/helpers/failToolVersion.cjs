// Test preload: reading plantrykk's own package.json (for the manifest's tool version) fails, as an
// internal error late in a build would. Used to check that the process exits at once afterwards.
const fs = require('node:fs');
const path = require('node:path');
const { syncBuiltinESMExports } = require('node:module');

const own = path.resolve(__dirname, '..', '..', 'package.json');
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && path.resolve(file) === own) throw new Error('injected failure reading package.json');
  return readFileSync.call(this, file, ...rest);
};
syncBuiltinESMExports();
