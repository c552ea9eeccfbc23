/**
 * Remembers `compute(object, variant)` for as long as `object` lives. Rendered posts keep
 * their identity across dev rebuilds (the render cache hands back the same object), so what
 * is derived from one (its feed HTML) is derived once, not per build. Use it only where a
 * measurement, quoted beside the use, shows that it pays.
 */
export function memoizeByIdentity<K extends object, V>(compute: (key: K, variant: string) => V): (key: K, variant?: string) => V {
  const memo = new WeakMap<K, Map<string, V>>();
  return (key, variant = "") => {
    let byVariant = memo.get(key);
    if (byVariant === undefined) {
      byVariant = new Map();
      memo.set(key, byVariant);
    }
    if (!byVariant.has(variant)) byVariant.set(variant, compute(key, variant));
    return byVariant.get(variant) as V;
  };
}

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/** A number that stands for one object while it lives: for keys that compare objects by identity. */
export function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = ++nextIdentity;
    identities.set(value, id);
  }
  return id;
}

/**
 * A value derived from an object for one variant at a time, kept while the object lives and
 * made again when asked for another variant. A long-lived process passes one from build to
 * build, where its objects outlive a build; the use that makes one quotes what it saves.
 */
export interface VariantMemo<K extends object, V> {
  readonly get: (key: K, variant: string, make: () => V) => V;
}

export function createVariantMemo<K extends object, V>(): VariantMemo<K, V> {
  const kept = new WeakMap<K, { readonly variant: string; readonly value: V }>();
  return {
    get(key, variant, make) {
      const last = kept.get(key);
      if (last?.variant === variant) return last.value;
      const value = make();
      kept.set(key, { variant, value });
      return value;
    },
  };
}
