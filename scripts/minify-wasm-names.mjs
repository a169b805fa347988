// Gives the wasm's imports, their module and its exports short names with binaryen's
// --minify-imports-and-exports-and-modules, then puts the same names into wasm-bindgen's JavaScript glue.
//
// wasm-bindgen names every import `__wbg_<method>_<16 hex digits>` and some exports after closure hashes, and each
// name is written twice (the wasm and the glue); the hex digits do not compress. wasm-bindgen has no option for
// shorter names (docs/size.md). Called by scripts/post-build.mjs; tests/build-scripts.test.mjs checks it.
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { brotliCompressSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/// Renames in place the wasm at `path` and returns binaryen's map, `{ imports: [[module, old, new]], exports:
/// [[old, new]] }`, with `module`, the one module every import now comes from.
// The pinned binaryen from package.json, the one trunk runs too (scripts/setup.sh installs it).
const WASM_OPT = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));
// Binaryen writes its output again, and without these the code it writes is 679 bytes larger (217 brotli) than the
// -Oz build trunk wrote, as a rewrite without optimisation writes less compact stack code. With them it is smaller.
const STACK_IR = ['--generate-stack-ir', '--optimize-stack-ir', '--optimize-level=2', '--shrink-level=2'];

// Binaryen's --reorder-functions (most-called functions first, so their indices are short LEB128 numbers) makes the
// player smaller on some builds and larger on others (-1,006 and +554 brotli on two builds a day apart), depending
// on how the code happens to lie. So the wasm is written both ways and the smaller, after brotli, is kept: it can
// never lose (docs/size.md). The renaming is the same both ways, as the map is printed before any reordering.
const REORDER = ['--reorder-functions'];
const brotliSize = (bytes) => brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;

export function minifyWasmNames(path) {
  const reordered = `${path}.reordered`;
  execFileSync(WASM_OPT, [path, '--minify-imports-and-exports-and-modules', ...REORDER, ...STACK_IR, '-o', reordered], { encoding: 'utf8' });
  const printed = execFileSync(WASM_OPT, [path, '--minify-imports-and-exports-and-modules', ...STACK_IR, '-o', path], { encoding: 'utf8' });
  if (brotliSize(readFileSync(reordered)) < brotliSize(readFileSync(path))) renameSync(reordered, path);
  else rmSync(reordered);
  const map = JSON.parse(printed);
  const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(path))).map((i) => i.module));
  if (modules.size > 1) throw new Error(`the minified wasm imports from ${modules.size} modules, expected one`);
  return { ...map, module: [...modules][0] };
}

/// Puts the new names into the glue: each import is a key of the glue's import object, each export a property of
/// `wasm` (the instance's exports), and every old name is long and unique. An import or module the glue does not
/// name exactly as the map says would fail at instantiation, so the build stops here instead.
export function renameInGlue(js, { imports, exports, module }) {
  const missing = [];
  const replace = (pattern, name, what) => {
    const before = js;
    js = js.replaceAll(pattern, name);
    if (js === before) missing.push(what);
  };
  for (const old of new Set(imports.map(([from]) => from))) replace(`"${old}":`, () => `"${module}":`, `module ${old}`);
  for (const [, old, name] of imports) replace(new RegExp(`\\b${old}(?=:)`, 'g'), () => name, old);
  for (const [old, name] of exports) js = js.replaceAll(new RegExp(`\\bwasm\\.${old}\\b`, 'g'), () => `wasm.${name}`);
  if (missing.length) throw new Error(`the glue does not name these imports: ${missing.join(', ')}`);
  return js;
}
