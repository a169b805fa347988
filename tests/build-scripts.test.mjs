// The build's own scripts, tested on inputs made for the purpose rather than through a whole build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renameInGlue, shortenWasmNames } from '../scripts/short-wasm-names.mjs';

const name = (text) => [text.length, ...Buffer.from(text)];
const section = (id, bytes) => [id, bytes.length, ...bytes];
const LONG_IMPORT = '__wbg_answer_0123456789abcdef';
const GLUE_EXPORT = 'wasm_bindgen__convert__closures_____invoke__h0123456789abcdef';

/// A module that imports a function and a memory and exports the function twice, under wasm-bindgen's kind of
/// name and as `main`: `main()` returns what the imported function returns.
const MODULE = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 0, 1, 0x7f]),
  ...section(2, [2, ...name('m'), ...name(LONG_IMPORT), 0, 0, ...name('m'), ...name('memory_in'), 2, 0, 1]),
  ...section(3, [1, 0]),
  ...section(7, [2, ...name(GLUE_EXPORT), 0, 1, ...name('main'), 0, 1]),
  ...section(10, [1, 4, 0, 0x10, 0, 0x0b]),
]);

test('short wasm names: imports and glue exports are renamed in the wasm and the glue, and the module still runs', async () => {
  const shortened = shortenWasmNames(MODULE);
  assert.ok(shortened.wasm.length < MODULE.length);
  const glue = `const imports = { m: { ${LONG_IMPORT}: () => 42, memory_in: memory } }; wasm.${GLUE_EXPORT}();`;
  const renamed = renameInGlue(glue, shortened);
  assert.ok(!renamed.includes(LONG_IMPORT) && !renamed.includes(GLUE_EXPORT));
  const module = new WebAssembly.Module(shortened.wasm);
  const imports = WebAssembly.Module.imports(module).map((i) => i.name);
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  assert.ok(imports.every((i) => renamed.includes(`${i}:`)), 'the glue names each new import');
  assert.ok(exports.includes('main'), '`main` keeps its name');
  assert.ok(renamed.includes(`wasm.${exports.find((e) => e !== 'main')}()`), 'the glue calls the renamed export');
  const [importName] = imports;
  const instance = new WebAssembly.Instance(module, {
    m: { [importName]: () => 42, [imports[1]]: new WebAssembly.Memory({ initial: 1 }) },
  });
  assert.equal(instance.exports.main(), 42);
});

test('short wasm names: a glue that does not name an import stops the build', () => {
  assert.throws(() => renameInGlue('const imports = {};', shortenWasmNames(MODULE)), /does not name these imports/);
});
