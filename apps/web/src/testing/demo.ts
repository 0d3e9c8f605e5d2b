import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plan, PlanData } from '@chitieu/core';
import { readPlanFile } from '@chitieu/plan-file';

/** demo/thi-xa-demo.yaml: under jsdom a module's URL is not a file URL, so the repository root (vitest's) is used. */
function demoFile(): string {
  const here = import.meta.url;
  return here.startsWith('file:')
    ? fileURLToPath(new URL('../../../../demo/thi-xa-demo.yaml', here).href)
    : join(process.cwd(), 'demo', 'thi-xa-demo.yaml');
}

/** The shipped demo as the web app receives it from the plan-file route. */
export async function demoData(): Promise<{ data: PlanData; plan: Plan }> {
  const r = await readPlanFile(demoFile());
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const plan = r.data.plans.find((p) => p.code === 'NQ-DH-XV');
  if (!plan) throw new Error('the demo has no plan NQ-DH-XV');
  return { data: r.data, plan };
}
