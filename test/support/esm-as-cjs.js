// Jest 30 on Node < 24.9 cannot require() an ES module, and sanitize-html 2.18 (CommonJS) requires
// htmlparser2 12 and its helpers, which ship only as ES modules. Node itself loads them fine (require(esm)
// since 20.19), so production needs nothing; for Jest we compile those packages once into CommonJS copies
// under node_modules/.cache and point Jest's resolver at them. Only tests see the copies.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const ESM_ONLY = ['htmlparser2', 'domhandler', 'domutils', 'dom-serializer', 'entities', 'domelementtype'];

function compileEsmPackagesForJest(rootDir) {
  const outRoot = path.join(rootDir, 'node_modules/.cache/jest-esm-as-cjs/node_modules');
  for (const name of ESM_ONLY) {
    const src = path.join(rootDir, 'node_modules', name);
    const pkg = JSON.parse(fs.readFileSync(path.join(src, 'package.json'), 'utf8'));
    const out = path.join(outRoot, name);
    const marker = path.join(out, '.compiled-from');
    if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === pkg.version) continue;
    fs.rmSync(out, { recursive: true, force: true });
    copyCompiled(path.join(src, 'dist'), path.join(out, 'dist'));
    fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify({ ...pkg, type: 'commonjs' }));
    fs.writeFileSync(marker, pkg.version);
  }
  // sanitize-html requires only htmlparser2; the copies' own imports resolve to their neighbours.
  return { '^htmlparser2$': path.join(outRoot, 'htmlparser2') };
}

function copyCompiled(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyCompiled(source, target);
    else if (entry.name.endsWith('.js')) {
      const { code } = swc.transformSync(fs.readFileSync(source, 'utf8'), {
        filename: source,
        jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      });
      fs.writeFileSync(target, code);
    }
  }
}

module.exports = { compileEsmPackagesForJest };
