// An import result as lines of text (the CLI's and the benchmark's report).
import { COUNTED, type ImportResult } from '../../../domain/ss12000-import/counts.js';

export function describeResult(result: ImportResult, maxRejections = 20): string {
  const lines = COUNTED.map((k) => { const c = result.counts[k]; return `  ${k.padEnd(14)} created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, deleted ${c.deleted}`; });
  lines.push(`  rejected       ${result.rejectedTotal}`);
  for (const r of result.rejected.slice(0, maxRejections)) lines.push(`    ${r.type} ${r.id}: ${r.reason}`);
  if (result.rejectedTotal > maxRejections) lines.push(`    … and ${result.rejectedTotal - maxRejections} more`);
  return lines.join('\n');
}
