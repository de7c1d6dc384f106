/** A growable list of unsigned 32-bit integers: no boxed numbers and no per-item objects while a large index is built. */
export class U32List {
  private items = new Uint32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Uint32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  /** A copy of exactly the items pushed. */
  toArray(): Uint32Array {
    return this.items.slice(0, this.length);
  }
}
