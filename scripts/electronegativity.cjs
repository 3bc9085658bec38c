// Runs Electronegativity with the TypeScript 4.2 it ships. Its parser (@typescript-eslint/typescript-estree)
// is hoisted next to our TypeScript 7, which has no JS compiler API, so `require('typescript')` is redirected;
// its HTTP client is replaced by one that fails at once, so the audit never touches the network.
const Module = require('node:module');
const path = require('node:path');

const root = path.join(__dirname, '..', 'node_modules', '@doyensec', 'electronegativity');
const ownTypescript = require.resolve('typescript', { paths: [root] });
const resolve = Module._resolveFilename;
const offlineGot = require.resolve('./offline-got.cjs');
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript') return ownTypescript;
  // Offline always: it would fetch translations and Electron release notes from the web.
  if (request === 'got') return offlineGot;
  return resolve.call(this, request, parent, ...rest);
};
process.argv = [process.argv[0], path.join(root, 'dist', 'index.js'), ...process.argv.slice(2)];
require(path.join(root, 'dist', 'index.js'));
