/** Parsed input as an object without `undefined` values (zod's optional fields vs `exactOptionalPropertyTypes`). */
export type WithoutUndefined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

export function withoutUndefined<T extends object>(input: T): WithoutUndefined<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[k] = v;
  return out as WithoutUndefined<T>;
}
