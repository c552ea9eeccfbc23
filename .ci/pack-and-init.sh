#!/usr/bin/env bash
# Starts a blog the way a user would, from the packed package and no clone of this
# repository: npm pack, install the tarball into an empty npm project, `daylight init`,
# build, check the output. Needs the registry (or an npm cache holding daylight's
# dependencies) for the install, so it runs here rather than under vitest.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
dev=""
trap '[ -z "$dev" ] || kill "$dev" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "pack-and-init: $*" >&2; exit 1; }

# `prepare` compiles lib/ before packing: the tarball holds what this checkout's sources say.
tarball="$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -n 1)"
[ -f "$work/$tarball" ] || fail "npm pack wrote no tarball"

blog="$work/my-blog"
mkdir "$blog" && cd "$blog"
npm init -y >/dev/null
npm install -D --no-audit --no-fund --prefer-offline "$work/$tarball" >/dev/null
[ ! -e node_modules/daylight-blog/src ] || fail "the tarball ships src/"

npx --no-install daylight init --title "Pack test" --url "https://pack.example/blog/" >"$work/init.out"
grep -q "created posts/welcome.md" "$work/init.out" || fail "init did not report the example post"
for path in site.config.json posts/welcome.md .gitignore; do [ -f "$path" ] || fail "init did not write $path"; done
node -e 'const s = require("./package.json").scripts; for (const n of ["build", "dev", "check", "deploy"]) if (!/^daylight /.test(s[n] ?? "")) process.exit(1)' \
  || fail "package.json lacks the daylight scripts"

# A second init refuses the folder (it now holds a site) and changes nothing.
before="$(cat site.config.json)"
if npx --no-install daylight init >/dev/null 2>&1; then fail "a second init did not refuse"; else code=$?; fi
[ "$code" = 1 ] || fail "a refused init exited $code, not 1"
[ "$(cat site.config.json)" = "$before" ] || fail "a refused init changed site.config.json"

npm run --silent build >"$work/build.out" 2>&1 || { cat "$work/build.out"; fail "npm run build failed"; }
[ -f dist/index.html ] || fail "the build wrote no dist/index.html"
grep -q "Pack test" dist/index.html || fail "dist/index.html does not carry the title"
[ ! -e dist/blog/posts/welcome ] && [ ! -e dist/posts/welcome ] || fail "the draft example post was published"
grep -q "stylesheet" dist/index.html || fail "the built-in theme was not applied"
npm run --silent check >/dev/null 2>&1 || fail "daylight check found problems in the built site"

# The drafts preview renders the example post with the packaged theme.
npx --no-install daylight build --drafts --out "$work/preview" >/dev/null 2>&1 || fail "a build with --drafts failed"
[ -f "$work/preview/posts/welcome/index.html" ] || fail "--drafts did not render the example post"

# The dev server serves the site, the draft included, from the installed package.
# (node on the installed bin, not npx: the process to stop is then the server itself)
node node_modules/.bin/daylight dev --port 4789 >"$work/dev.out" 2>&1 &
dev=$!
served=""
for _ in $(seq 1 120); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/dev.out" | head -n 1 || true)"
  if [ -n "$url" ] && served="$(node -e 'fetch(process.argv[1]).then(async (r) => console.log(r.status, await r.text())).catch(() => process.exit(1))' "$url" 2>/dev/null)"; then break; fi
  served=""
  sleep 0.5
done
kill "$dev" 2>/dev/null || true
wait "$dev" 2>/dev/null || true
dev=""
[ -n "$served" ] || { cat "$work/dev.out"; fail "daylight dev did not serve the site"; }
case "$served" in "200 "*"Welcome to your new blog"*) ;; *) fail "daylight dev did not show the example draft";; esac

# `npm run deploy -- DIR` builds, then publishes there.
npm run --silent deploy -- "$work/www" >/dev/null 2>&1 || fail "npm run deploy failed"
[ -f "$work/www/index.html" ] || fail "the deploy wrote no index.html"

echo "pack-and-init: $tarball installs, inits, builds, checks and deploys outside the repository"
