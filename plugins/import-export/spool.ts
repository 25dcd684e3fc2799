// An upload streamed to the plugin's folder while its size is counted: refused as soon as it passes the
// limit (nothing is kept), renamed into place only when complete, so a job never sees half a file.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { domainError, type DomainError } from 'yunzhou/plugin';

export function uploadTooLarge(maxBytes: number): DomainError {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return domainError('file.too_large', 'invalid', `导入文件超过 ${mb} MB 的上限，请拆分后分批导入`, `The import file is larger than the ${mb} MB limit; split it`, { maxBytes });
}

/** Writes the bytes to `path`; returns their count. Past maxBytes: file.too_large and no file. */
export async function spool(content: AsyncIterable<Uint8Array | string>, path: string, maxBytes: number): Promise<number> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const partial = `${path}.part`;
  const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  // Writes still pending when the upload is refused fail after destroy(): keep their errors from escaping.
  let failure: Error | null = null;
  out.on('error', (e) => { failure ??= e; });
  let size = 0;
  try {
    for await (const raw of content) {
      if (failure) throw failure;
      const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
      size += chunk.length;
      if (size > maxBytes) throw uploadTooLarge(maxBytes);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await rename(partial, path);
    return size;
  } catch (e) {
    out.destroy();
    await rm(partial, { force: true });
    throw e;
  }
}
