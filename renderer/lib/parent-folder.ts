/**
 * The folder a path lies in, for display: the renderer has no node:path, and a path from the
 * engine may be Windows' (C:\…\archives) or POSIX (/…/archives).
 */
export function parentFolder(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  if (cut < 0) return path;
  // The root keeps its separator: « / », « C:\ ».
  const parent = trimmed.slice(0, cut);
  return parent === '' || /^[A-Za-z]:$/.test(parent) ? trimmed.slice(0, cut + 1) : parent;
}
