/**
 * Union-find over string ids where every component is named by its smallest member (plain `<` order), so the
 * name of a component does not depend on the order in which links were added.
 */
export class ComponentUnion {
  readonly #parent = new Map<string, string>();

  add(id: string): void {
    if (!this.#parent.has(id)) this.#parent.set(id, id);
  }

  /** The component's name: its smallest id. */
  find(id: string): string {
    this.add(id);
    let root = id;
    for (
      let next = this.#parent.get(root) as string;
      next !== root;
      next = this.#parent.get(root) as string
    ) {
      root = next;
    }
    for (let node = id; node !== root; ) {
      const next = this.#parent.get(node) as string;
      this.#parent.set(node, root);
      node = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.#parent.set(rb, ra);
    else this.#parent.set(ra, rb);
  }

  /** Every id added so far, grouped by component name. */
  components(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const id of this.#parent.keys()) {
      const root = this.find(id);
      const members = out.get(root);
      if (members) members.push(id);
      else out.set(root, [id]);
    }
    return out;
  }
}
