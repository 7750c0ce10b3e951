/** Reads a profile's id: `idOf` when given, else the profile's own `id` property (a string, or a finite number as text). */
export function profileIdOf<P>(profile: P, index: number, idOf: ((profile: P, index: number) => string) | undefined): string | undefined {
  if (idOf !== undefined) {
    const id = idOf(profile, index);
    return typeof id === "string" ? id : undefined;
  }
  if (typeof profile !== "object" || profile === null || !Object.hasOwn(profile, "id")) return undefined;
  const id = (profile as { id?: unknown }).id;
  if (typeof id === "string") return id;
  if (typeof id === "number" && Number.isFinite(id)) return String(id);
  return undefined;
}
