// What a use case call ended in: 'ok', or the DomainError's code; any other error fails the test.
import { isDomainError } from '../../core/shared/domain-error.js';

export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}
