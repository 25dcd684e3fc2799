import test from 'ava';
import { readFile } from 'node:fs/promises';
import { toMermaid } from '../../../core/shared/state-machine.js';
import { pipelineDiagramMarkdown } from '../../../core/orders/pipeline-diagram.js';
import { buildPipelineMachine } from '../../../core/orders/pipeline-machine.js';
import { CONTRACT_FIRST_PIPELINE_CONFIG, DEFAULT_PIPELINE_CONFIG, PIPELINE_PRESETS } from '../../../core/orders/stage-config.js';

const REGENERATE =
  'docs/pipeline.md is stale. Regenerate it from the repository root with:\n' +
  'npx tsc -p tsconfig.json && node --input-type=module -e "' +
  "import { pipelineDiagramMarkdown } from './dist/core/orders/pipeline-diagram.js'; " +
  "import { DEFAULT_PIPELINE_CONFIG } from './dist/core/orders/stage-config.js'; " +
  'process.stdout.write(pipelineDiagramMarkdown(DEFAULT_PIPELINE_CONFIG))" > docs/pipeline.md';

test('the committed docs/pipeline.md is exactly the page generated for the default configuration', async (t) => {
  // Compiled to dist/test/core/orders/, four levels below the repository root.
  const committed = await readFile(new URL('../../../../docs/pipeline.md', import.meta.url), 'utf8');
  t.is(committed, pipelineDiagramMarkdown(DEFAULT_PIPELINE_CONFIG), REGENERATE);
});

test('the page shows the machine diagram of every preset', (t) => {
  const page = pipelineDiagramMarkdown(DEFAULT_PIPELINE_CONFIG);
  for (const preset of Object.values(PIPELINE_PRESETS)) {
    t.true(page.includes('```mermaid\n' + toMermaid(buildPipelineMachine(preset))), 'diagram of a preset');
  }
  t.true(page.includes('## This configuration (preset `default`)'));
  t.true(page.includes('## Preset `contract_first`'));
});

test('for another configuration the page leads with it and still lists the presets it is not', (t) => {
  const page = pipelineDiagramMarkdown(CONTRACT_FIRST_PIPELINE_CONFIG);
  t.true(page.includes('## This configuration (preset `contract_first`)'));
  t.true(page.includes('## Preset `default`'));
  t.false(page.includes('## Preset `contract_first`'));
  const own = pipelineDiagramMarkdown({ stages: [{ key: 'talk', name: '洽谈', progress: 50, exitGuards: [] }, { key: 'done', name: '完成', progress: 100, exitGuards: [], final: true }] });
  t.true(own.includes('## This configuration\n'));
  t.true(own.includes('| 1 | `talk` | 洽谈 | 50% | by 结单 only: `contract_confirmed`, `fully_collected`, `close_approved` |'));
});

test('each stage row says how it is left and what that needs', (t) => {
  const page = pipelineDiagramMarkdown(DEFAULT_PIPELINE_CONFIG);
  t.true(page.includes('| 3 | `application_approval` | 申请批核 | 60% | by 下一步: `products_matched`, `internal_review_approved` |'));
  t.true(page.includes('| 4 | `contract_won` | 合同赢单 | 80% | by 结单 only: `contract_confirmed`, `fully_collected`, `close_approved` |'));
  t.true(page.includes('| 5 | `completed` | 订单完成 | 100% | final: reached only by 结单, never left |'));
});
