// 咨询公海 and 客户公海: the pool lists, claim, assign and transfer (pool.assign), release with a reason, and
// a recycler run for the actor's own firm.
import type { PoolService } from '../../core/inquiries/pool.service.js';
import type { PoolRecycler } from '../../core/inquiries/pool-recycler.js';
import type { RouteDef } from '../../adapters/composition/route-def.js';
import { requirePermission } from '../../core/organisation/actor.js';
import { PERMISSIONS } from '../../core/organisation/permissions.js';
import { idParams, nonEmpty, objectSchema, pageOf, uuid } from '../schemas.js';
import { listQuery, listQueryOf } from './inquiries.routes.js';

const poolParams = { type: 'object', required: ['pool'], properties: { pool: { type: 'string', enum: ['inquiry', 'customer'] } }, additionalProperties: false };

export function poolRoutes(s: { pools: PoolService; poolRecycler: PoolRecycler }): RouteDef[] {
  const pools = s.pools;
  return [
    {
      method: 'post', path: '/pools/recycle', tags: ['pools'], summary: '公海回收 Run the recycler for your firm now (org.manage)',
      description: 'What the server’s schedule and `yunzhou recycle` do: neglected and overdue records return to their pool; owners are warned beforehand. Idempotent.',
      handler: async ({ actor }) => {
        requirePermission(actor, PERMISSIONS.orgManage);
        return s.poolRecycler.run({ tenantId: actor.tenantId });
      },
    },
    {
      method: 'get', path: '/pools/:pool', tags: ['pools'], summary: '公海 The records of 咨询公海 (inquiry) or 客户公海 (customer)',
      schemas: { params: poolParams, query: objectSchema(listQuery) },
      handler: async ({ actor, params, query }) => pools.list(actor, params.pool, listQueryOf(query), pageOf(query)),
    },
    {
      method: 'post', path: '/inquiries/:id/claim', tags: ['pools'], summary: '领取 Claim a record from its pool',
      description: 'Of two simultaneous claims one wins; the other gets pool.already_claimed (409). A former owner waits the reclaim block; the holding limit applies.',
      schemas: { params: idParams },
      handler: async ({ actor, params }) => pools.claim(actor, params.id),
    },
    {
      method: 'post', path: '/inquiries/:id/assign', tags: ['pools'], summary: '分配 Assign a pooled record to someone (pool.assign)',
      schemas: { params: idParams, body: objectSchema({ ownerId: uuid }, ['ownerId']) },
      handler: async ({ actor, params, body }) => pools.assign(actor, params.id, body.ownerId),
    },
    {
      method: 'post', path: '/inquiries/:id/transfer', tags: ['pools'], summary: '转移 Give an owned record to someone else (pool.assign)',
      schemas: { params: idParams, body: objectSchema({ ownerId: uuid, reason: { type: 'string', maxLength: 200 } }, ['ownerId']) },
      handler: async ({ actor, params, body }) => pools.transfer(actor, params.id, body.ownerId, body.reason),
    },
    {
      method: 'post', path: '/inquiries/:id/release', tags: ['pools'], summary: '释放 Put your record back into its pool, with a reason',
      schemas: { params: idParams, body: objectSchema({ reason: nonEmpty(200) }, ['reason']) },
      handler: async ({ actor, params, body }) => pools.release(actor, params.id, body.reason),
    },
  ];
}
