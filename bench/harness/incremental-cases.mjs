/**
 * The repeat builds of issue 14, one object per case: what a writer (or CI) changes between
 * two builds, and what the output must then show. The runner (incremental.mjs) times the builds.
 *
 *   setup(ctx) → state      untimed preparation (`prime: true`: then one untimed build)
 *   apply(ctx, i, state)    run i's change, a change of its own (so every run is one edit
 *                           after the last build)
 *   build / outDir          how to build and where the output lands (default: the bench's site)
 *   reference(ctx, state, baseline) → snapshot   what each run's output is compared with
 *                           (default: the output of the build before it)
 *   verify(ctx, i, state, { diff, saidNothingChanged, outDir }) → problems (none: the build
 *                           did what it should; a fast wrong build must not look good)
 *   restore(ctx, state)     put the sources back
 *   changesSources: false   a case after which "nothing changed" is an honest report
 */
import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { withParagraph } from "./generators.mjs";
import { snapshotOutput } from "./output-snapshot.mjs";
import { hasExplicitSlug, linksTo, relinked, titleOf, withSlug, withTemplateComment, withTitle } from "./source-edits.mjs";

const postPage = (slug) => `posts/${slug}/index.html`;
const missing = (what, rel) => `${rel} ${what}`;

/** Problems when any of `rels` (output paths) lacks `needle` or still holds `stale`. */
async function pagesShow(ctx, rels, needle, stale) {
  const problems = [];
  for (const rel of rels) {
    const text = await ctx.page(rel);
    if (text === null) problems.push(missing("is missing", rel));
    else if (!text.includes(needle)) problems.push(missing(`lacks "${needle}"`, rel));
    else if (stale !== undefined && text.includes(stale)) problems.push(missing(`still holds "${stale}"`, rel));
  }
  return problems;
}

const noChange = {
  name: "no-change",
  label: "no change",
  changesSources: false,
  apply: async () => {},
  verify: async (_ctx, _i, _state, { diff, saidNothingChanged }) =>
    diff.differing.length === 0 ? [] : [`${diff.differing.length} output files changed with no source changed${saidNothingChanged ? ", yet the report said nothing changed" : ""}`],
};

const bodyEdit = {
  name: "edit-body",
  label: "edit: post body",
  setup: async (ctx) => ({ target: ctx.corpus.editTarget, original: await readFile(ctx.corpus.editTarget.file, "utf8") }),
  apply: (_ctx, i, s) => writeFile(s.target.file, withParagraph(s.original, `The benchmark edited this post: bodymark${i + 1}x.`)),
  verify: (ctx, i, s) => pagesShow(ctx, [postPage(s.target.slug)], `bodymark${i + 1}x`, i > 0 ? `bodymark${i}x` : undefined),
  restore: (_ctx, s) => writeFile(s.target.file, s.original),
};

// The second-newest post: two neighbours, on the home page, in the feed.
const titleEdit = {
  name: "edit-title",
  label: "edit: post title",
  setup: async (ctx) => {
    const [newer, target, older] = ctx.corpus.posts;
    return { target, newer, older, original: await readFile(target.file, "utf8") };
  },
  apply: (_ctx, i, s) => writeFile(s.target.file, withTitle(s.original, `${titleOf(s.original)} Benchtitle${i + 1}x`)),
  verify: (ctx, i, s) => {
    const pages = [postPage(s.target.slug), postPage(s.newer.slug), postPage(s.older.slug), "index.html", "archive/index.html", "feed.xml"];
    return pagesShow(ctx, pages, `Benchtitle${i + 1}x`, i > 0 ? `Benchtitle${i}x` : undefined);
  },
  restore: (_ctx, s) => writeFile(s.target.file, s.original),
};

// The corpus uses the built-in theme: a site's templates/post.liquid overrides the built-in one
// (SPEC §1), so the case puts a copy there first (a priming build, not timed), then edits it.
const templateEdit = {
  name: "edit-template",
  label: "edit: template",
  prime: true,
  setup: async (ctx) => {
    const file = path.join(ctx.corpus.dirs.daylight, "templates", "post.liquid");
    const original = await readFile(path.join(ctx.daylightDir, "templates", "post.liquid"), "utf8");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, original);
    return { file, original };
  },
  apply: (_ctx, i, s) => writeFile(s.file, withTemplateComment(s.original, `bench template edit ${i + 1}x`)),
  verify: async (ctx, i) => {
    const problems = await pagesShow(ctx, ctx.corpus.posts.map((p) => postPage(p.slug)), `bench template edit ${i + 1}x`);
    return problems.length <= 3 ? problems : [...problems.slice(0, 3), `… ${problems.length} post pages in all`];
  },
  restore: (ctx) => rm(path.join(ctx.corpus.dirs.daylight, "templates"), { recursive: true, force: true }),
};

const rename = {
  name: "rename",
  label: "rename a post",
  setup: renameTarget,
  apply: async (_ctx, i, s) => {
    const slug = `${s.slug}-renamed-${i + 1}`;
    await writeFile(s.target.file, withSlug(s.sources.get(s.target.file), slug));
    for (const file of s.linkers) await writeFile(file, relinked(s.sources.get(file), s.slug, slug));
  },
  verify: async (ctx, i, s) => {
    const slug = `${s.slug}-renamed-${i + 1}`;
    const url = `/posts/${slug}/`;
    const pointers = [...s.linkerSlugs, s.newer.slug, s.older.slug].map(postPage);
    const problems = await pagesShow(ctx, [postPage(slug), ...pointers], slug);
    for (const old of [s.slug, i > 0 ? `${s.slug}-renamed-${i}` : null].filter(Boolean)) {
      // An old URL may remain as a redirect to the new one, never as the old page.
      const left = await ctx.page(postPage(old));
      if (left !== null && !left.includes(url)) problems.push(`${postPage(old)} is still there`);
      problems.push(...(await stillPointing(ctx, pointers, `/posts/${old}/`)));
    }
    return problems;
  },
  restore: async (_ctx, s) => {
    for (const [file, text] of s.sources) if (file === s.target.file || s.linkers.includes(file)) await writeFile(file, text);
  },
  describe: (s) => `${s.slug} (${s.linkers.length} posts link to it)`,
};

async function stillPointing(ctx, rels, oldUrl) {
  const problems = [];
  for (const rel of rels) if ((await ctx.page(rel))?.includes(`href="${oldUrl}`)) problems.push(`${rel} still links to ${oldUrl}`);
  return problems;
}

/** The post to rename: from the middle on, the first with its own `slug` field and at least 3 posts linking to it. */
async function renameTarget(ctx) {
  const { posts } = ctx.corpus;
  const sources = new Map();
  for (const post of posts) sources.set(post.file, await readFile(post.file, "utf8"));
  const start = Math.floor(posts.length / 2) + 1;
  let best = null;
  for (let index = start; index < posts.length - 1; index++) {
    const target = posts[index];
    if (!hasExplicitSlug(sources.get(target.file))) continue;
    const linking = posts.filter((p) => p !== target && linksTo(sources.get(p.file), target.slug) > 0);
    if (best === null || linking.length > best.linking.length) best = { index, target, linking };
    if (linking.length >= 3) break;
  }
  if (best === null) throw new Error("no post with an explicit slug to rename");
  const { index, target, linking } = best;
  return {
    target, slug: target.slug, sources, newer: posts[index - 1], older: posts[index + 1],
    linkers: linking.map((p) => p.file), linkerSlugs: linking.map((p) => p.slug),
  };
}

/**
 * A CI run as docs/github-actions.yml does it: a fresh checkout (a copy: new mtimes, no
 * output folder), the cache restored from the last build into `.daylight-cache/`, the
 * output in `dist/`, `--previous` naming the last output (the live site, in CI). With
 * `edit`, one post's body changed since the cached build, as after a push. The output must
 * be byte-identical to a local build of the same sources (the manifest aside).
 */
function ciBuild({ edit }) {
  const pushed = (text) => withParagraph(text, "A push the benchmark made: cimark1x.");
  return {
    name: edit ? "ci-edit" : "ci",
    label: edit ? "CI: fresh checkout + cache, 1 post edited" : "CI: fresh checkout + cache",
    changesSources: edit,
    setup: async (ctx) => ({ site: path.join(ctx.corpus.dirs.root, "ci", "site"), original: await readFile(ctx.corpus.editTarget.file, "utf8") }),
    // The local build of the same sources, into its own output and a copy of the cache (the
    // bench's cache must stay the one of the unedited sources that CI restores).
    reference: async (ctx, s, baseline) => {
      if (!edit) return baseline;
      const ref = path.join(ctx.corpus.dirs.root, "ci", "reference");
      await cp(ctx.cacheDir, path.join(ref, "cache"), { recursive: true });
      await writeFile(ctx.corpus.editTarget.file, pushed(s.original));
      try {
        const built = await ctx.run(["build", "--root", ctx.corpus.dirs.daylight, "--out", path.join(ref, "out"), "--cache-dir", path.join(ref, "cache")]);
        if (built.code !== 0) throw new Error(`the local reference build failed:\n${built.output}`);
      } finally {
        await writeFile(ctx.corpus.editTarget.file, s.original);
      }
      return snapshotOutput(path.join(ref, "out"));
    },
    apply: async (ctx, _i, s) => {
      await rm(s.site, { recursive: true, force: true });
      const cacheName = `${path.sep}.daylight-cache`;
      await cp(ctx.corpus.dirs.daylight, s.site, { recursive: true, filter: (from) => !from.includes(cacheName) });
      await cp(ctx.cacheDir, path.join(s.site, ".daylight-cache"), { recursive: true });
      if (edit) await writeFile(path.join(s.site, path.relative(ctx.corpus.dirs.daylight, ctx.corpus.editTarget.file)), pushed(s.original));
    },
    build: (ctx, _i, s) => ctx.run(["build", "--root", s.site, "--out", path.join(s.site, "dist"), ...(ctx.features.previous ? ["--previous", ctx.out] : [])]),
    outDir: (_ctx, s) => path.join(s.site, "dist"),
    verify: async (ctx, _i, _s, { diff, outDir }) => {
      const problems = diff.differing.length === 0 ? [] : [`${diff.differing.length} files differ from the local build of the same sources (${diff.differing.slice(0, 3).join(", ")})`];
      if (edit) problems.push(...(await pagesShow({ page: (rel) => ctx.pageIn(outDir, rel) }, [postPage(ctx.corpus.editTarget.slug)], "cimark1x")));
      return problems;
    },
    restore: (ctx, s) => rm(path.dirname(s.site), { recursive: true, force: true }),
  };
}

/** Every case, in the order they run. */
export const incrementalCases = [noChange, bodyEdit, titleEdit, templateEdit, rename, ciBuild({ edit: false }), ciBuild({ edit: true })];
