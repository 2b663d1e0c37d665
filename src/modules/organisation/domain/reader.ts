/**
 * Who reads unit data, for the services' own scope check (defence in depth behind the HTTP access hook,
 * issue #11 item 2): a person, limited to the units their own unit sees (unit-scope.ts), or the system
 * itself — a CLI command run by the operator on the server, a scheduled job — which names its purpose so
 * that skipping the scope is a visible decision in the code, never a default.
 */
export interface ScopedReader {
  readonly scope: ReadonlySet<number>;
}
export interface SystemReader {
  readonly kind: 'system';
  readonly purpose: string;
}
export type Reader = ScopedReader | SystemReader;

export function systemReader(purpose: string): SystemReader {
  return { kind: 'system', purpose };
}

/** True when the reader may read the data of unit `unitId`. */
export function readerSees(reader: Reader, unitId: number): boolean {
  return 'kind' in reader ? true : reader.scope.has(unitId);
}
