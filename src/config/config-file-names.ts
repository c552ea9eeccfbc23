/** The config file's name in the site root. */
export const configFileName = "site.config.json";

/** A config written as a JavaScript module: the same settings, plus unified plugins. */
export const configModuleNames = ["site.config.mjs", "site.config.js"] as const;

/** Every name a site's config file may have, in the root folder. */
export const configFileNames: readonly string[] = [configFileName, ...configModuleNames];
