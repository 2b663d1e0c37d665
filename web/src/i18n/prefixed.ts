// The web's Vietnamese labels of the server's codes come from the server's domain (one copy): a label map
// keyed by code becomes catalogue entries under a prefix, with keys the type checker still knows.

/** ('role.', { admin: 'Quản trị viên' }) → { 'role.admin': 'Quản trị viên' }. */
export function prefixed<P extends string, K extends string>(prefix: P, labels: Readonly<Record<K, string>>): Record<`${P}${K}`, string> {
  return Object.fromEntries(Object.entries<string>(labels).map(([code, label]) => [`${prefix}${code}`, label])) as Record<`${P}${K}`, string>;
}
