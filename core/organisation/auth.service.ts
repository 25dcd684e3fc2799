// Login with mobile + password, bearer tokens (stored only as digests), logout, password change.
import { domainError, DomainError, type Clock, type IdGenerator, type UnitOfWork, type OperationLog, type Tx } from '../shared/index.js';
import { normalizeMobile } from '../identity/index.js';
import type { Actor } from './actor.js';
import { buildActor } from './build-actor.js';
import { ActorCache } from './actor-cache.js';
import { nextAttemptAfterFailure, type ThrottlePolicy, DEFAULT_THROTTLE } from './login-throttle.js';
import type { OrganisationRepository, PasswordHasher, TokenDigest, TokenRepository } from './ports.js';
import { checkPasswordStrength } from './password-policy.js';
import type { Tenant, User, UserCredentials } from './types.js';

export interface AuthDeps {
  readonly uow: UnitOfWork;
  readonly org: OrganisationRepository;
  readonly tokens: TokenRepository;
  readonly hasher: PasswordHasher;
  readonly digest: TokenDigest;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly tokenTtlMinutes?: number;
  readonly throttle?: ThrottlePolicy;
  /** Actors kept between requests (pass a zero-TTL cache to rebuild every time). */
  readonly actorCache?: ActorCache;
  /** The operation log: every login, succeeded or failed, is recorded. */
  readonly operations?: OperationLog;
}

export interface LoginResult {
  readonly token: string;
  readonly expiresAt: Date;
  readonly user: User;
  readonly tenant: Pick<Tenant, 'id' | 'name' | 'timeZone'>;
}

const invalidCredentials = (): DomainError =>
  domainError('auth.invalid_credentials', 'unauthenticated', '手机号或密码错误', 'The mobile number or password is wrong');
const invalidToken = (): DomainError =>
  domainError('auth.invalid_token', 'unauthenticated', '登录已失效，请重新登录', 'The session has expired or was revoked; log in again');

const unknownUser = (): DomainError =>
  domainError('auth.unknown_user', 'unauthenticated', '没有这个在职人员，无法登录', 'No such active person in this firm');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Bearer tokens carry their tenant so a token is looked up by (tenant, digest), as every key leads with tenant. */
function splitToken(token: string): { tenantId: string } | null {
  const m = /^yz1\.([0-9a-f-]{36})\.[A-Za-z0-9_-]{20,}$/.exec(token);
  return m ? { tenantId: m[1] as string } : null;
}

export class AuthService {
  private readonly actors: ActorCache;
  private dummy: Promise<string> | null = null;

  constructor(private readonly d: AuthDeps) {
    this.actors = d.actorCache ?? new ActorCache();
  }

  /**
   * Checks the password of the user with this mobile; repeated failures delay and then lock the account.
   * Each attempt is counted as a failure before its password is checked, under a row lock, so parallel
   * guesses queue on the count and only the attempts the policy allows reach the hash (a success clears
   * the count). An unknown mobile is checked against a dummy hash, so it takes as long as a wrong password.
   */
  async login(input: { mobile: string; password: string; tenantId?: string | undefined; clientAddress?: string | undefined }): Promise<LoginResult> {
    let mobile: string;
    try {
      mobile = normalizeMobile(input.mobile);
    } catch {
      throw invalidCredentials();
    }
    const now = this.d.clock.now();
    const { uow, org, hasher } = this.d;
    const found = (await uow.read((tx) => org.credentialsByMobile(tx, mobile))).filter(
      (c) => input.tenantId === undefined || c.tenantId === input.tenantId,
    );
    if (found.length === 0) {
      await hasher.verify(input.password, await this.dummyHash());
      throw invalidCredentials();
    }
    const candidates = await this.claimAttempt(found, now);
    const matches: UserCredentials[] = [];
    for (const c of candidates) if ((await hasher.verify(input.password, c.passwordHash)) && c.active) matches.push(c);
    if (matches.length === 0) {
      // The failure was counted by claimAttempt; its record says from where, once the password is known wrong.
      const from = input.clientAddress === undefined ? {} : { clientAddress: input.clientAddress };
      await this.record(candidates.map((c) => ({
        tenantId: c.tenantId, actorId: null, kind: 'login.failed', subjectType: 'user', subjectId: c.userId,
        before: { failedLogins: c.failedLogins }, after: { failedLogins: c.failedLogins + 1, ...from },
      })));
      throw invalidCredentials();
    }
    if (matches.length > 1) {
      await uow.run(async (tx) => {
        for (const m of matches) await org.resetLoginFailures(tx, m.tenantId, m.userId);
      });
      throw domainError(
        'auth.tenant_required',
        'invalid',
        '该手机号属于多家机构，请选择要登录的机构（tenantId）',
        'This mobile number belongs to several firms; say which one (tenantId)',
        { tenantIds: matches.map((m) => m.tenantId) },
      );
    }
    const c = matches[0] as (typeof matches)[number];
    return uow.run(async (tx) => {
      await org.resetLoginFailures(tx, c.tenantId, c.userId);
      return this.issue(tx, c.tenantId, c.userId, now, input.clientAddress === undefined ? null : { clientAddress: input.clientAddress });
    });
  }

  /**
   * A session for a person someone trusted already identified, without a password: the sign-in from a
   * WeCom or DingTalk workbench, after the vendor vouched for the person by its OAuth code. The user must
   * exist in the tenant and be active (else `auth.user_inactive`); the login is recorded with its method.
   */
  async startSession(input: { tenantId: string; userId: string; method: string; clientAddress?: string | undefined }): Promise<LoginResult> {
    const now = this.d.clock.now();
    return this.d.uow.run(async (tx) => {
      const user = await this.d.org.getUser(tx, input.tenantId, input.userId);
      if (!user?.active) throw domainError('auth.user_inactive', 'forbidden', '该账号不存在或已停用，请联系机构管理员', 'This account does not exist or was deactivated; ask your firm\'s administrator');
      return this.issue(tx, input.tenantId, input.userId, now, { method: input.method, ...(input.clientAddress === undefined ? {} : { clientAddress: input.clientAddress }) });
    });
  }

  /** A new bearer token (stored as its digest) and the login's record, in the caller's transaction. */
  private async issue(tx: Tx, tenantId: string, userId: string, now: Date, after: Record<string, unknown> | null): Promise<LoginResult> {
    const { org } = this.d;
    const token = `yz1.${tenantId}.${this.d.ids.secret(32)}`;
    const expiresAt = new Date(now.getTime() + (this.d.tokenTtlMinutes ?? 12 * 60) * 60_000);
    await this.d.operations?.record(tx, [{ tenantId, actorId: userId, kind: 'login.succeeded', subjectType: 'user', subjectId: userId, before: null, after }]);
    await this.d.tokens.insert(tx, tenantId, this.d.digest.digest(token), userId, expiresAt);
    const user = (await org.getUser(tx, tenantId, userId)) as User;
    const tenant = (await org.getTenant(tx, tenantId)) as Tenant;
    return { token, expiresAt, user, tenant: { id: tenant.id, name: tenant.name, timeZone: tenant.timeZone } };
  }

  /**
   * Counts one failed attempt on each account, under a row lock, unless one of them is waiting out a delay
   * (`auth.throttled`, nothing counted). Returns the credentials as locked, to be checked after the commit.
   */
  private async claimAttempt(found: readonly UserCredentials[], now: Date): Promise<UserCredentials[]> {
    const { uow, org } = this.d;
    const ordered = [...found].sort((a, b) => `${a.tenantId}/${a.userId}`.localeCompare(`${b.tenantId}/${b.userId}`)); // one lock order: no deadlock
    return uow.run(async (tx) => {
      const locked: UserCredentials[] = [];
      for (const c of ordered) {
        const cur = await org.lockCredentials(tx, c.tenantId, c.userId);
        if (cur) locked.push(cur);
      }
      const throttled = locked.find((c) => c.nextAttemptAt !== null && c.nextAttemptAt > now);
      if (throttled?.nextAttemptAt) {
        const seconds = Math.ceil((throttled.nextAttemptAt.getTime() - now.getTime()) / 1000);
        throw domainError(
          'auth.throttled',
          'rate_limited',
          `密码错误次数过多，请 ${seconds} 秒后再试`,
          `Too many wrong passwords; try again in ${seconds} s`,
          { retryAfterSeconds: seconds },
        );
      }
      for (const c of locked) {
        const failures = c.failedLogins + 1;
        await org.recordLoginFailure(tx, c.tenantId, c.userId, failures, nextAttemptAfterFailure(failures, now, this.d.throttle ?? DEFAULT_THROTTLE));
      }
      return locked;
    });
  }

  private async record(entries: Parameters<OperationLog['record']>[1]): Promise<void> {
    const log = this.d.operations;
    if (log) await this.d.uow.run((tx) => log.record(tx, entries));
  }

  /** A hash of a random password under the current parameters, made once, to check unknown mobiles against. */
  private dummyHash(): Promise<string> {
    this.dummy ??= this.d.hasher.hash(this.d.ids.secret(24));
    return this.dummy;
  }

  /** The actor behind a bearer token, or `auth.invalid_token`. */
  async authenticate(token: string): Promise<Actor> {
    const parts = splitToken(token);
    if (!parts) throw invalidToken();
    const now = this.d.clock.now();
    const digest = this.d.digest.digest(token);
    return this.d.uow.read(async (tx) => {
      const valid = await this.d.tokens.check(tx, parts.tenantId, digest, now);
      if (!valid) throw invalidToken();
      const key = ActorCache.key(digest, valid.userId, valid.userVersion);
      const cached = this.actors.get(key, now);
      if (cached) return cached;
      const r = await this.d.tokens.resolve(tx, parts.tenantId, digest, now);
      if (!r || !r.user.active) throw invalidToken();
      const needsTree = r.roles.some((x) => r.user.roleCodes.includes(x.code) && x.dataScope === 'department_tree');
      const departments = needsTree ? await this.d.org.listDepartments(tx, r.tenant.id) : [];
      const actor = buildActor(r.tenant, r.user, r.roles, departments);
      this.actors.set(ActorCache.key(digest, r.user.id, r.user.version), actor, now);
      return actor;
    });
  }

  /**
   * The actor for one of a firm's active people, for a host that signs its people in itself: its
   * Authenticator maps the host's session to a tenant and user and asks here. Unknown or inactive (or ids
   * that cannot be ids) is `auth.unknown_user`.
   */
  async actorFor(tenantId: string, userId: string): Promise<Actor> {
    if (!UUID.test(tenantId) || !UUID.test(userId)) throw unknownUser();
    return this.d.uow.read(async (tx) => {
      const tenant = await this.d.org.getTenant(tx, tenantId);
      const user = tenant ? await this.d.org.getUser(tx, tenantId, userId) : null;
      if (!tenant || !user || !user.active) throw unknownUser();
      const roles = await this.d.org.listRoles(tx, tenantId);
      const needsTree = roles.some((x) => user.roleCodes.includes(x.code) && x.dataScope === 'department_tree');
      return buildActor(tenant, user, roles, needsTree ? await this.d.org.listDepartments(tx, tenantId) : []);
    });
  }

  /** Revokes the token; logging out twice is harmless. */
  async logout(token: string): Promise<void> {
    const parts = splitToken(token);
    if (!parts) return;
    await this.d.uow.run((tx) => this.d.tokens.revoke(tx, parts.tenantId, this.d.digest.digest(token), this.d.clock.now()));
  }

  /** A new password revokes every token of the user (all devices log in again). */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    checkPasswordStrength(next);
    const { uow, org, hasher } = this.d;
    const cred = await uow.read((tx) => org.credentials(tx, actor.tenantId, actor.userId));
    if (!cred || !(await hasher.verify(current, cred.passwordHash))) {
      throw domainError('auth.wrong_password', 'invalid', '当前密码不正确', 'The current password is wrong');
    }
    const hash = await hasher.hash(next);
    const now = this.d.clock.now();
    await uow.run(async (tx) => {
      await org.setPassword(tx, actor.tenantId, actor.userId, hash, now);
      await this.d.tokens.revokeAllForUser(tx, actor.tenantId, actor.userId, now);
    });
  }
}
