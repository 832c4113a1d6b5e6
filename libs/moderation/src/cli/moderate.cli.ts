import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { getModerator } from '../core/moderate';

/**
 * JSON lines in ({"id": ..., "text": ...}), one JSON line out per input line:
 * {"id", "decision", "categories", "matches"}, or {"id", "error"} for a line that cannot be read.
 * Blank lines are skipped. Nothing else is ever written to stdout; diagnostics go to stderr.
 */
export async function runModerateCli(input: Readable, output: Writable, errors: Writable): Promise<{ lines: number; failed: number }> {
  const moderator = getModerator();
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lines = 0;
  let failed = 0;
  for await (const line of rl) {
    if (line.trim() === '') continue;
    lines++;
    let out: string;
    let id: unknown = null;
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('line must be a JSON object');
      const rec = parsed as { id?: unknown; text?: unknown };
      id = rec.id ?? null;
      if (typeof rec.text !== 'string') throw new Error('"text" must be a string');
      const r = moderator.moderate(rec.text);
      out = JSON.stringify({ id, decision: r.decision, categories: r.categories, matches: r.matches });
    } catch (e) {
      failed++;
      const message = e instanceof Error ? e.message : String(e);
      errors.write(`moderate: line ${lines}: ${message}\n`);
      out = JSON.stringify({ id, error: message });
    }
    if (!output.write(`${out}\n`)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
  }
  return { lines, failed };
}

if (require.main === module) {
  runModerateCli(process.stdin, process.stdout, process.stderr).then(
    ({ failed }) => {
      // Per-line failures are reported in-line; a pipeline should not abort because of one bad record.
      process.exitCode = 0;
      if (failed > 0) process.stderr.write(`moderate: ${failed} line(s) could not be processed\n`);
    },
    (e: unknown) => {
      process.stderr.write(`moderate: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
