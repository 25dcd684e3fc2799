// A core type as it arrives over JSON: instants are ISO strings. The console reads responses with the
// core's own types through this, so a renamed field breaks the type check rather than a screen.
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
  readonly total?: number;
}
