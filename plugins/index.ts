// The built-in plugins the standalone server loads. Core never imports this file; the CLI and hosts do.
import type { Plugin } from '../index.js';
import { webhooksPlugin } from './webhooks/index.js';
import { importExportPlugin } from './import-export/index.js';

export function builtInPlugins(): Plugin[] {
  return [webhooksPlugin(), importExportPlugin()];
}
