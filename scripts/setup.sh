#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there. Sourced by scripts/serve and
# scripts/test; safe to run on its own. Everything comes from the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

ensure_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  # Newer trunk needs a newer rustc than the project's 1.95.
  if ! trunk --version 2>/dev/null | grep -q '0.21.14'; then
    say "installing trunk 0.21.14"
    cargo install --locked trunk@0.21.14
  fi
}

ensure_wasm_bindgen() {
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly. It is installed without --locked because
  # the registry lacks one of its locked dependencies.
  local want
  want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $want\$"; then
    say "installing wasm-bindgen-cli $want"
    cargo install --force wasm-bindgen-cli@"$want"
  fi
}

# puppeteer-core has no install step and never downloads a browser; these say so to anything of puppeteer's or
# playwright's that might look, so an install can only ever use Debian's browsers.
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

ensure_npm_packages() {
  # binaryen gives wasm-opt (Debian's is too old for today's rustc output); playwright-core and axe-core drive
  # the end-to-end tests in Debian's chromium, puppeteer-core drives Debian's firefox-esr over WebDriver BiDi. No
  # browser is ever downloaded.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/puppeteer-core ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing chromium and chromedriver from Debian"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# The other engines readers use, for tests/e2e/engines.test.mjs: Gecko (firefox-esr) and WebKit (WebKitWebDriver,
# which drives WebKitGTK's MiniBrowser; MiniBrowser needs a display, so Xvfb gives it one), and openssl for the
# certificate of the tests' stand-in for other sites. All from Debian.
ensure_other_engines() {
  if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/Xvfb ] || ! command -v openssl >/dev/null; then
    say "installing firefox-esr, webkit2gtk-driver, xvfb and openssl from Debian"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb openssl >/dev/null
  fi
}

# gettext's msgfmt, which tests/translations.rs runs (`msgfmt --check`) over the PO files `storycheck po export`
# writes, so translators' tools read them. From Debian.
ensure_gettext() {
  if ! command -v msgfmt >/dev/null; then
    say "installing gettext (msgfmt) from Debian"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq gettext >/dev/null
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_npm_packages
  ensure_trunk
  ensure_wasm_bindgen
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_build_tools
  ensure_chromium
  ensure_other_engines
  ensure_gettext
fi
