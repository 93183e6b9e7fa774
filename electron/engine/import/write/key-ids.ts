/**
 * Key → id of the tickets a first import writes, standing in for the unique `source_key` index it
 * drops (see TicketStore). A Map of a million string keys costs ~40 MB, which a million-line import
 * cannot afford under its memory ceiling; this open-addressing table keeps only a 32-bit hash and
 * the id per slot (two Int32Arrays, ~16 MB for a million keys). Keys are not kept: an equal hash is
 * confirmed by reading the row's key back by id (a rowid lookup), which happens for the duplicates
 * themselves and for the rare hash collisions (~100 among a million keys).
 */
export class KeyIds {
  private hashes = new Int32Array(1 << 16);
  private ids = new Int32Array(1 << 16);
  private size = 0;

  /** `keyOf(id)`: the stored key of a ticket written by this import. */
  constructor(private readonly keyOf: (id: number) => string) {}

  /** FNV-1a over the UTF-16 units. */
  private static hash(key: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    return h | 0;
  }

  get(key: string): number | undefined {
    const h = KeyIds.hash(key);
    const mask = this.ids.length - 1;
    for (let slot = h & mask; this.ids[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.hashes[slot] === h && this.keyOf(this.ids[slot]) === key) return this.ids[slot];
    }
    return undefined;
  }

  /** Adds a key `get` did not find. */
  add(key: string, id: number): void {
    if (++this.size * 2 > this.ids.length) this.grow();
    this.place(KeyIds.hash(key), id);
  }

  private place(h: number, id: number): void {
    const mask = this.ids.length - 1;
    let slot = h & mask;
    while (this.ids[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = h;
    this.ids[slot] = id;
  }

  private grow(): void {
    const { hashes, ids } = this;
    this.hashes = new Int32Array(ids.length * 2);
    this.ids = new Int32Array(ids.length * 2);
    for (let slot = 0; slot < ids.length; slot++) if (ids[slot] !== 0) this.place(hashes[slot], ids[slot]);
  }
}
