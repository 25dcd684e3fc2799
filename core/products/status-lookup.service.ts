// 客户可查询: the customer looks up the order with its query code and the last four digits of their mobile, without
// an account. An unknown code and wrong digits get the same answer after the same work, so the page never tells
// whether a code exists; wrong answers are counted per code and per client address, and too many lock both out
// for a while.
import { requirePermission, PERMISSIONS, type Actor } from '../organisation/index.js';
import { domainError, type DomainError, type Clock, type IdGenerator, type Timeline, type Tx, type UnitOfWork } from '../shared/index.js';
import { loadVisibleOrder } from './order-access.js';
import type { OrderSource, OrderLineRepository, StatusCodeDigest, StatusCodeRepository } from './ports.js';
import {
  DEFAULT_LOOKUP_THROTTLE, STATUS_CODE_BYTES, formatStatusCode, isLastFour, normaliseStatusCode, secondsBlocked, type LookupThrottlePolicy,
} from './status-code.js';
import { publicOrderStatus, type PublicOrderStatus } from './status-view.js';

export interface StatusLookupDeps {
  readonly uow: UnitOfWork;
  readonly codes: StatusCodeRepository;
  readonly orders: OrderSource;
  readonly lines: OrderLineRepository;
  readonly digest: StatusCodeDigest;
  readonly timeline: Timeline;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly policy?: LookupThrottlePolicy;
}

export interface IssuedStatusCode {
  /** Shown once: only its digest is stored. */
  readonly code: string;
  readonly issuedAt: Date;
  /** The status page with the code in the fragment (never sent to the server, so never in a log). */
  readonly path: string;
}

export interface StatusLookupRequest {
  readonly code: string;
  readonly lastFour: string;
  /** The client's address as the HTTP adapter sees it. */
  readonly clientAddress: string;
}

const NIL = '00000000-0000-0000-0000-000000000000';

const wrongAnswer = (): DomainError =>
  domainError('status.not_found', 'not_found', '查询码或手机号后四位不正确，请核对后重试', 'The query code or the last four digits of the mobile number are wrong; check them and try again');

export class StatusLookupService {
  private readonly policy: LookupThrottlePolicy;

  constructor(private readonly d: StatusLookupDeps) {
    this.policy = d.policy ?? DEFAULT_LOOKUP_THROTTLE;
  }

  /** Gives the order a new query code for the customer (the old one stops working). */
  async issueCode(actor: Actor, orderId: string): Promise<IssuedStatusCode> {
    requirePermission(actor, PERMISSIONS.orderWrite);
    const code = formatStatusCode(Uint8Array.from(Buffer.from(this.d.ids.secret(STATUS_CODE_BYTES), 'base64url')));
    const issuedAt = this.d.clock.now();
    await this.d.uow.run(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      await this.d.codes.saveCode(tx, actor.tenantId, orderId, this.d.digest.digest(normaliseStatusCode(code)), actor.userId, issuedAt);
      await this.d.timeline.record(tx, [{
        tenantId: actor.tenantId, subjectType: 'order', subjectId: orderId, actorId: actor.userId,
        action: 'status_code.issued', summary: '生成了新的客户查询码（旧查询码失效）',
      }]);
    });
    return { code, issuedAt, path: `/status#code=${code}` };
  }

  /** Whether the order has a query code and since when (the code itself is never shown again). */
  async codeInfo(actor: Actor, orderId: string): Promise<{ issued: boolean; issuedAt: Date | null }> {
    requirePermission(actor, PERMISSIONS.orderRead);
    return this.d.uow.read(async (tx) => {
      await this.visibleOrder(tx, actor, orderId);
      const issuedAt = await this.d.codes.codeIssuedAt(tx, actor.tenantId, orderId);
      return { issued: issuedAt !== null, issuedAt };
    });
  }

  /**
   * The public lookup: the order's stage, progress and applications when the code and the mobile's last four
   * digits are right; `status.not_found` when either is wrong (or the code does not exist); `status.throttled`
   * while the code or the address has too many recent wrong answers.
   */
  async lookup(req: StatusLookupRequest): Promise<PublicOrderStatus> {
    const now = this.d.clock.now();
    const codeDigest = this.d.digest.digest(normaliseStatusCode(req.code));
    const keys = [`code:${codeDigest}`, `addr:${this.d.digest.digest(`addr:${req.clientAddress}`)}`];
    const windows = { [keys[0] as string]: this.policy.perCode.windowSeconds, [keys[1] as string]: this.policy.perAddress.windowSeconds };

    const found = await this.d.uow.read(async (tx) => {
      const counters = await this.d.codes.failureCounters(tx, keys);
      const wait = Math.max(
        secondsBlocked(counters.get(keys[0] as string) ?? null, this.policy.perCode, now),
        secondsBlocked(counters.get(keys[1] as string) ?? null, this.policy.perAddress, now),
      );
      if (wait > 0) {
        const minutes = Math.ceil(wait / 60);
        throw domainError('status.throttled', 'rate_limited', `查询错误次数过多，请 ${minutes} 分钟后再试`, `Too many wrong answers; try again in ${minutes} min`, { retryAfterSeconds: wait });
      }
      const ref = await this.d.codes.findByDigest(tx, codeDigest);
      // The same query runs whether or not the code exists, so the two failures take the same time.
      const facts = await this.d.orders.statusFacts(tx, ref?.tenantId ?? NIL, ref?.orderId ?? NIL);
      const digitsRight = isLastFour(req.lastFour) && (facts?.mobiles ?? []).some((m) => m.length >= 4 && m.slice(-4) === req.lastFour);
      return ref !== null && facts !== null && digitsRight ? { ref, facts } : null;
    });
    if (found === null) {
      await this.d.uow.run((tx) => this.d.codes.recordFailure(tx, keys, now, windows));
      throw wrongAnswer();
    }
    const lines = await this.d.uow.read((tx) => this.d.lines.listLines(tx, found.ref.tenantId, found.ref.orderId));
    return publicOrderStatus(found.facts.stage, lines, found.facts.timeZone);
  }

  private async visibleOrder(tx: Tx, actor: Actor, orderId: string): Promise<void> {
    await loadVisibleOrder(this.d.orders, tx, actor, orderId);
  }
}
