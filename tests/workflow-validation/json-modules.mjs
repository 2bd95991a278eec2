// Module customization hook (https://nodejs.org/api/module.html#customization-hooks): loads .json imports as JSON
// modules, as if they carried `with { type: "json" }`.
export async function load(url, context, nextLoad) {
  if (new URL(url).pathname.endsWith(".json")) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
  }

  return nextLoad(url, context);
}
