// One layout of keys for every store: <tenantId>/<2 hex>/<fileId>. A key is only ever used with the tenant it
// starts with, so one tenant can never reach another's bytes by passing its key; the client's file name never
// appears in it. Keys are the same in every store, so files move between stores without renaming.
const SAFE_ID = /^[A-Za-z0-9-]{8,64}$/;

export function checkId(what: string, id: string): void {
  if (!SAFE_ID.test(id)) throw new Error(`Unsafe ${what} for a storage key: ${JSON.stringify(id)}`);
}

/** A new key for a file of this tenant. */
export function newStorageKey(tenantId: string, fileId: string): string {
  checkId('tenant id', tenantId);
  checkId('file id', fileId);
  return `${tenantId}/${fileId.slice(0, 2).toLowerCase()}/${fileId}`;
}

/** The parts of a key issued for this tenant; anything else is refused (no ../ games, no other tenant's key). */
export function tenantKey(tenantId: string, storageKey: string): { tenantId: string; shard: string; fileId: string } {
  checkId('tenant id', tenantId);
  const [owner, shard, fileId, ...rest] = storageKey.split('/');
  if (owner !== tenantId || rest.length || !shard || !/^[a-z0-9]{2}$/.test(shard) || !fileId) throw new Error(`Storage key ${JSON.stringify(storageKey)} is not this tenant's`);
  checkId('file id', fileId);
  return { tenantId: owner, shard, fileId };
}
