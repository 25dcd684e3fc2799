// Who is signed in: restored from the HttpOnly session cookie through GET /me, set by signing in,
// ended by signing out (the server revokes the session) or when the server answers 401.
import { reactive } from 'vue';
import { api, ok } from './api/client.js';
import { grants } from '@core/organisation/actor.js';

export interface Me {
  readonly tenantId: string;
  readonly userId: string;
  readonly name: string;
  readonly departmentId: string | null;
  readonly roles: readonly string[];
  readonly permissions: readonly string[];
  readonly dataScope: string;
  readonly timeZone: string;
}

export const session = reactive<{ me: Me | null; checked: boolean }>({ me: null, checked: false });

let restoring: Promise<Me | null> | null = null;

/** Loads the person behind the cookie once (one request however many ask at once); null when nobody is signed in. */
export function restoreSession(): Promise<Me | null> {
  if (session.checked) return Promise.resolve(session.me);
  restoring ??= (async () => {
    try {
      const s = await ok<{ active: boolean; me?: Me }>(api.GET('/api/v1/auth/session'));
      session.me = s.active && s.me ? s.me : null;
    } catch {
      session.me = null;
    }
    session.checked = true;
    restoring = null;
    return session.me;
  })();
  return restoring;
}

export async function signIn(mobile: string, password: string): Promise<Me> {
  await ok(api.POST('/api/v1/auth/session', { body: { mobile, password } }));
  session.checked = false;
  const me = await restoreSession();
  if (!me) throw new Error('signed in but /me failed');
  return me;
}

export async function signOut(): Promise<void> {
  try {
    await ok(api.DELETE('/api/v1/auth/session'));
  } finally {
    session.me = null;
    session.checked = true;
  }
}

/** Forgets the person without asking the server (the server already said the session ended). */
export function sessionEnded(): void {
  session.me = null;
  session.checked = true;
}

/** Whether the person holds a permission, by the server's own rule (`*` and `area.*` included). */
export function can(permission: string): boolean {
  return session.me ? grants(new Set(session.me.permissions), permission) : false;
}
