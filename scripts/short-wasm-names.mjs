// Gives the wasm's imports and wasm-bindgen's own exports short names, in the wasm and in its JavaScript glue.
//
// wasm-bindgen names every import `__wbg_<method>_<16 hex digits>` and some exports after closure hashes. Each name
// is written twice (the wasm's import section and the glue's import object), and the hex digits do not compress,
// so together they cost the reader about 2 KB of brotli for nothing. Binaryen's --minify-imports-and-exports only
// renames imports from `env`, and wasm-bindgen has no option for it, so this is a small rewrite of the two sections
// of the wasm binary format that hold names (imports, id 2, and exports, id 7), and a whole-word replace in the glue.
// Called by scripts/post-build.mjs; tests/build-scripts.test.mjs checks it on a module made for the purpose.

/// Reads an unsigned LEB128 number at `at`; returns it and where the next field starts.
function readUnsigned(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function writeUnsigned(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function writeName(name) {
  const bytes = encoder.encode(name);
  return [...writeUnsigned(bytes.length), ...bytes];
}

function readName(bytes, at) {
  const [length, start] = readUnsigned(bytes, at);
  return [decoder.decode(bytes.subarray(start, start + length)), start + length];
}

/// Skips one import's description (function, table, memory or global) and returns where the next import starts.
function skipImportDescription(bytes, at) {
  const kind = bytes[at++];
  const skipLimits = (p) => {
    const flags = bytes[p++];
    [, p] = readUnsigned(bytes, p);
    if (flags & 1) [, p] = readUnsigned(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readUnsigned(bytes, at)[1];
    case 1: return skipLimits(at + 1);
    case 2: return skipLimits(at);
    case 3: return at + 2;
    default: throw new Error(`unknown import kind ${kind} at byte ${at - 1}`);
  }
}

/// Which names to shorten: every import, and the exports only the glue uses (never `memory` or `main`, which a
/// page or a test may ask for by name).
const isGlueExport = (name) => /^(wasm_bindgen__|__wbindgen_|__externref_)/.test(name);

/// Returns the rewritten wasm and the map from each old name to its new one.
export function shortenWasmNames(wasm) {
  const bytes = new Uint8Array(wasm);
  if (decoder.decode(bytes.subarray(1, 4)) !== 'asm') throw new Error('not a wasm module');
  const renamed = new Map();
  const imports = new Set();
  const newName = (old) => {
    if (!renamed.has(old)) renamed.set(old, `w${renamed.size.toString(36)}`);
    return renamed.get(old);
  };
  // Sections are copied as slices and joined once at the end: the code section alone is too large to spread.
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readUnsigned(bytes, at + 1);
    const end = start + size;
    if (id === 2 || id === 7) {
      let [count, p] = readUnsigned(bytes, start);
      const body = [...writeUnsigned(count)];
      while (count--) {
        if (id === 2) {
          const [module, afterModule] = readName(bytes, p);
          const [name, afterName] = readName(bytes, afterModule);
          const next = skipImportDescription(bytes, afterName);
          imports.add(name);
          body.push(...writeName(module), ...writeName(newName(name)), ...bytes.subarray(afterName, next));
          p = next;
        } else {
          const [name, afterName] = readName(bytes, p);
          const [, next] = readUnsigned(bytes, afterName + 1);
          body.push(...writeName(isGlueExport(name) ? newName(name) : name), ...bytes.subarray(afterName, next));
          p = next;
        }
      }
      if (p !== end) throw new Error(`section ${id} did not end where its size said`);
      parts.push(Uint8Array.from([id, ...writeUnsigned(body.length), ...body]));
    } else {
      parts.push(bytes.subarray(at, end));
    }
    at = end;
  }
  return { wasm: Buffer.concat(parts), renamed, imports };
}

/// Puts the new names into the glue. Every old name is long and unique, so a whole-word replace finds exactly its
/// uses: keys of the import object and properties of the instance's exports.
export function renameInGlue(js, { renamed, imports }) {
  const missing = [];
  for (const [old, name] of renamed) {
    const before = js;
    js = js.replaceAll(new RegExp(`\\b${old}\\b`, 'g'), name);
    // An import the glue never names would fail at instantiation, so stop the build here instead.
    if (js === before && imports.has(old)) missing.push(old);
  }
  if (missing.length) throw new Error(`the glue does not name these imports: ${missing.join(', ')}`);
  return js;
}
