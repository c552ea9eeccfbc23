/* daylight search: no framework, no build step. Every form[data-search] becomes a search box
   whose results appear, as text only, in its [data-search-results] region. The index's files
   are named relative to the file that names them, so it works at any base path and host. */
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script || !script.dataset.index || !window.fetch) return;
  const pointerUrl = new URL(script.dataset.index, location.href);
  const FORMAT = 1;
  const SHOWN = 10;
  const FIRST = 5;
  const loaded = new Map();

  const getJson = (url, init) => {
    const key = String(url);
    if (!loaded.has(key)) {
      const promise = fetch(url, init).then((r) => {
        if (!r.ok) throw new Error(`${r.status} for ${key}`);
        return r.json();
      });
      promise.catch(() => loaded.delete(key));
      loaded.set(key, promise);
    }
    return loaded.get(key);
  };

  // The pointer is the one file without a hash in its name: it is revalidated each time it is read.
  const readPointer = () => fetch(pointerUrl, { cache: "no-cache" }).then((r) => {
    if (!r.ok) throw new Error(`${r.status} for the search index`);
    return r.json();
  }).then((pointer) => {
    if (pointer.format !== FORMAT) throw new Error("search index of another format");
    return new URL(pointer.index, pointerUrl);
  });
  let entry;
  let entryUrl;
  const useEntry = (pointed) => {
    const read = Promise.resolve(pointed).then((base) => {
      entryUrl = String(base);
      return getJson(base).then((index) => ({ ...index, base }));
    });
    entry = read;
    read.catch(() => { if (entry === read) entry = undefined; });
    return read;
  };
  const loadEntry = () => entry ?? useEntry(readPointer());
  // After each answer the pointer is read again (one at a time): when it names another index
  // (a deploy, or a rebuild in the dev server), the query is answered again from that one.
  let checking;
  const indexChanged = () => (checking ??= readPointer()
    .then((base) => (String(base) === entryUrl ? false : (useEntry(base), true)))
    .catch(() => false)
    .finally(() => { checking = undefined; }));

  // As src/site/search/search-terms.ts folds the indexed text.
  const fold = (text) => text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const terms = (text) => fold(text).match(/[\p{L}\p{N}]+/gu) || [];
  const prefix = (term, length) => [...term].slice(0, length).join("");
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

  /**
   * doc → `[section, score, section, score, …]` for the terms that start with `word`. Flat
   * arrays, not a map per doc: on a 4,000-post index, a common word's maps took a first
   * query's script 100–250 ms.
   */
  async function hitsOf(index, word) {
    const hits = new Map();
    // A large chunk is split by three letters (search-files.ts): the longer key first.
    const key = [prefix(word, 3), prefix(word, 2)].find((k) => own(index.chunks, k));
    if (key === undefined) return hits;
    const chunkName = index.chunks[key];
    const chunk = await getJson(new URL(chunkName, index.base));
    for (const term of Object.keys(chunk)) {
      if (!term.startsWith(word)) continue;
      const boost = term === word ? 2 : 1;
      const list = chunk[term];
      // Each doc is written as its distance from the one before (search-files.ts).
      for (let i = 0, doc = 0; i + 2 < list.length; i += 3) {
        doc += list[i];
        let sections = hits.get(doc);
        if (sections === undefined) hits.set(doc, (sections = []));
        addScore(sections, list[i + 1], list[i + 2] * boost);
      }
    }
    return hits;
  }

  const addScore = (sections, section, score) => {
    let k = 0;
    while (k < sections.length && sections[k] !== section) k += 2;
    if (k === sections.length) sections.push(section, score);
    else sections[k + 1] += score;
  };

  // Results in the order shown: the higher score first, then the later doc (the index lists
  // the pages, then the posts oldest first, so that a new post is added at its end).
  const ahead = (a, b) => a.score > b.score || (a.score === b.score && a.doc > b.doc);

  /** How many documents hold every word, and the best SHOWN of them, each with its best section (the first of equals). */
  async function search(words) {
    const index = await loadEntry();
    const [first = new Map(), ...others] = await Promise.all(words.map((word) => hitsOf(index, word)));
    const shown = [];
    let count = 0;
    for (const [doc, found] of first) {
      if (!others.every((hits) => hits.has(doc))) continue;
      count++;
      let sections = found;
      if (others.length > 0) {
        sections = found.slice();
        for (const hits of others) {
          const more = hits.get(doc);
          for (let k = 0; k < more.length; k += 2) addScore(sections, more[k], more[k + 1]);
        }
      }
      let section = 0, best = -1, score = 0;
      for (let k = 0; k < sections.length; k += 2) {
        score += sections[k + 1];
        if (sections[k + 1] > best || (sections[k + 1] === best && sections[k] < section)) [section, best] = [sections[k], sections[k + 1]];
      }
      const result = { doc, section, score };
      // Only the best SHOWN are kept, in order: sorting every match took longer than the rest.
      if (shown.length === SHOWN && !ahead(result, shown[SHOWN - 1])) continue;
      let at = shown.length;
      while (at > 0 && ahead(result, shown[at - 1])) at--;
      shown.splice(at, 0, result);
      if (shown.length > SHOWN) shown.pop();
    }
    return { index, count, shown };
  }

  /**
   * The results and the fragments of those shown (promises), once the first FIRST of them
   * are in: those are shown then, the others as they come. With HTTP/1.1 a browser fetches
   * six files from a host at a time, so the tenth fragment came in a second round.
   */
  async function find(words) {
    const found = await search(words);
    const fragments = found.shown.map((r) => getJson(new URL(found.index.docs[r.doc], found.index.base)));
    await Promise.all(fragments.slice(0, FIRST));
    return { ...found, fragments };
  }

  /** Where the words start a word in `text`: [start, end) pairs in `text`'s own indices. */
  function matchesIn(text, words) {
    // The folded text, and for each of its indices the index in `text` it comes from. ASCII
    // folds to itself lower-cased, index for index: folding each character of a long section
    // took most of the time of showing ten results.
    const ascii = /^[\x00-\x7f]*$/.test(text);
    let folded = ascii ? text.toLowerCase() : "";
    const at = [];
    if (!ascii) {
      let i = 0;
      for (const ch of text) {
        const f = fold(ch);
        for (let k = 0; k < f.length; k++) at.push(i);
        folded += f;
        i += ch.length;
      }
      at.push(text.length);
    }
    const source = (index) => (ascii ? index : at[index]);
    const ranges = [];
    for (const word of words) {
      let from = 0;
      for (let pos; (pos = folded.indexOf(word, from)) !== -1; from = pos + 1) {
        if (pos > 0 && /[\p{L}\p{N}]/u.test(folded[pos - 1])) continue;
        // The whole word is marked, as the query's word may be only its start.
        let end = pos + word.length;
        while (end < folded.length && /[\p{L}\p{N}]/u.test(folded[end])) end++;
        ranges.push([source(pos), source(end)]);
      }
    }
    return ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1])
      .filter((r, n, all) => n === 0 || r[0] >= all[n - 1][1]);
  }

  /** A paragraph of about 200 characters around the first match, each match in a <mark>. */
  function excerpt(text, words) {
    const p = document.createElement("p");
    p.className = "search-result-excerpt";
    const ranges = matchesIn(text, words);
    const first = ranges.length > 0 ? ranges[0][0] : 0;
    let from = Math.max(0, first - 60);
    // Start after a space, unless that would cut the first match.
    const space = from > 0 ? text.indexOf(" ", from) + 1 : 0;
    if (space > 0 && space <= first) from = space;
    const to = Math.min(text.length, from + 200);
    // End at a space, unless that would cut the first match.
    const last = to < text.length ? text.lastIndexOf(" ", to) : to;
    const stop = last > from && (ranges.length === 0 || last >= ranges[0][1]) ? last : to;
    p.append(from > 0 ? "… " : "");
    let cursor = from;
    for (const [start, finish] of ranges) {
      if (start < cursor || finish > stop) continue;
      p.append(text.slice(cursor, start));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(start, finish);
      p.append(mark);
      cursor = finish;
    }
    p.append(text.slice(cursor, stop) + (stop < text.length ? " …" : ""));
    return p;
  }

  function resultItem(fragment, section, words) {
    const [id, heading, text] = fragment.sections[section] || ["", "", ""];
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = fragment.url + (id ? `#${encodeURIComponent(id)}` : "");
    a.className = "search-result-link";
    a.textContent = fragment.title;
    if (heading) {
      const where = document.createElement("span");
      where.className = "search-result-heading";
      where.textContent = ` › ${heading}`;
      a.append(where);
    }
    li.append(a);
    if (fragment.date) {
      const time = document.createElement("time");
      time.dateTime = fragment.date;
      time.textContent = fragment.dateText;
      li.append(" ", time);
    }
    const hasMatch = matchesIn(text, words).length > 0;
    li.append(excerpt(hasMatch || !fragment.description ? text : fragment.description, words));
    return li;
  }

  function status(region, message) {
    const p = document.createElement("p");
    p.className = "search-status";
    p.textContent = message;
    region.replaceChildren(p);
  }

  const attached = new WeakSet();

  function attach(form) {
    // A form kept through a live-reload morph keeps its listeners; the morph only hid it again.
    if (attached.has(form)) return void (form.hidden = false);
    attached.add(form);
    const input = form.querySelector("input[type=search]");
    const region = form.querySelector("[data-search-results]");
    if (!input || !region) return;
    const onPage = form.hasAttribute("data-search-page");
    let asked = 0;
    async function run() {
      const query = input.value;
      const ask = ++asked;
      if (onPage) history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : location.pathname);
      const words = [...new Set(terms(query))].filter((w) => w.length > 1);
      if (words.length === 0) return void region.replaceChildren();
      try {
        const { count, shown, fragments } = await find(words).catch(() => {
          // The index may have been replaced since it was read (the dev server keeps only the
          // latest build's files): read the pointer again, once.
          entry = undefined;
          return find(words);
        });
        if (ask !== asked) return;
        status(region, count === 0 ? `No results for “${query}”` : `${count} result${count === 1 ? "" : "s"} for “${query}”`);
        if (count > 0) {
          const list = document.createElement("ol");
          list.className = "search-result-list";
          region.append(list);
          const add = (from, loaded) => loaded.forEach((fragment, n) => list.append(resultItem(fragment, shown[from + n].section, words)));
          add(0, await Promise.all(fragments.slice(0, FIRST)));
          const rest = await Promise.all(fragments.slice(FIRST));
          if (ask !== asked) return;
          add(FIRST, rest);
        }
        if ((await indexChanged()) && ask === asked) run();
      } catch {
        if (ask === asked) status(region, "Search is not available right now.");
      }
    }
    input.addEventListener("input", run);
    // The index's entry is read when the box is first focused, while the reader starts to
    // type: the first keystroke then waits only for its words' chunk and the results' fragments.
    input.addEventListener("focus", () => void loadEntry().catch(() => {}), { once: true });
    form.addEventListener("submit", (event) => {
      if (onPage) event.preventDefault();
    });
    form.addEventListener("keydown", (event) => {
      const links = [...region.querySelectorAll("a")];
      const at = links.indexOf(document.activeElement);
      if (event.key === "Escape") {
        input.value = "";
        region.replaceChildren();
        input.focus();
      } else if (event.key === "ArrowDown" && links.length > 0) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at !== -1) {
        event.preventDefault();
        (at === 0 ? input : links[at - 1]).focus();
      }
    });
    if (!onPage) {
      // The header's results close when the focus leaves the box and its results.
      form.addEventListener("focusout", (event) => {
        if (!form.contains(event.relatedTarget)) region.replaceChildren();
      });
    } else {
      const query = new URLSearchParams(location.search).get("q");
      if (query) {
        input.value = query;
        run();
      }
    }
    form.hidden = false;
  }

  const start = () => document.querySelectorAll("form[data-search]").forEach(attach);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // The dev server morphs an edited page into the built HTML, whose box is hidden until a
  // script shows it: show it again (the event is the dev client's, after each morph).
  document.addEventListener("daylight:morphed", start);
})();
