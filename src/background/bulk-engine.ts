// Placeholder while the engine is written (branch main); the page's branch builds against it.
import type { BulkMode, BulkRow } from '../shared/bulk-job';
import type { LinkForm } from '../shared/link-form';
import { failure, type Failure } from '../shared/outcome';

export async function startBulk(_request: { mode: BulkMode; form: LinkForm; rows: BulkRow[] }): Promise<{ ok: true } | Failure> {
  return failure('internal', 'Not built yet.');
}
export async function controlBulk(_action: string): Promise<{ ok: true } | Failure> {
  return failure('internal', 'Not built yet.');
}
