/** The generated site's identity and stylesheet, shared by every copy of the corpus. */
export const SITE = {
  title: "Bench Notes",
  url: "https://bench.example/",
  description: "Generated tech-blog posts for benchmarking static site generators.",
  author: "Bench",
};

/** Minimal stylesheet for the Eleventy and Hugo copies (daylight uses its own theme). */
export const STYLE_CSS = `body{font:1.05rem/1.6 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem}
pre{overflow:auto;background:#f4f4f4;padding:.75rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}
`;
