// The firm's active people for a picker (审批人, 接收人 …), optionally only those holding a role.
import { api, ok } from '../api/client.js';
import type { Page } from '../api/json.js';

export interface Person { readonly id: string; readonly name: string; readonly active: boolean; readonly roles?: readonly string[] }

export async function activePeople(role?: string): Promise<Person[]> {
  const out: Person[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) { // bounded: 20 pages of 100 are more than any firm here
    const query = { active: true, limit: 100, ...(role ? { role } : {}), ...(cursor ? { cursor } : {}) };
    const page: Page<Person> = await ok<Page<Person>>(api.GET('/api/v1/users', { params: { query } }));
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return out;
}
