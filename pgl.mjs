import { PGlite, types } from '@electric-sql/pglite';
let t=Date.now();
const db = new PGlite({ parsers: { [types.INT8]: (v) => { const n = Number(v); if (!Number.isSafeInteger(n)) throw new Error('unsafe'); return n; } } });
await db.waitReady; console.log('start ms', Date.now()-t);
console.log((await db.query("select 12345678901::bigint as a, now() as t, count(*) from pg_class")).rows);
t=Date.now(); await db.exec('create table x(a int)'); const c = await db.clone(); console.log('clone ms', Date.now()-t, (await c.query('select count(*) from x')).rows);
t=Date.now(); const d = await db.dumpDataDir('none'); console.log('dump ms', Date.now()-t, d.size);
t=Date.now(); const e = new PGlite({loadDataDir: d}); await e.waitReady; console.log('load ms', Date.now()-t);
console.log(process.memoryUsage().rss/1e6);
