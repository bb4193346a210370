// Node ESM resolve hook for the E2E run: src-main imports JSON without `with { type: 'json' }` (fine under
// vite, vitest and tsx, which all accept it); Node's own ESM loader, which Playwright uses for the in-process
// harness, insists on the attribute. This supplies it for .json files only.
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context)
  if (result.url.startsWith('file:') && result.url.endsWith('.json')) {
    return { ...result, format: 'json', importAttributes: { ...context.importAttributes, type: 'json' } }
  }
  return result
}
