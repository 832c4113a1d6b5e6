import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { moderate } from './core/moderate';
import type { Decision } from './core/types';

interface Example {
  text: string;
  lang: string;
  kind: string;
  expected: Decision;
  note: string;
}

function load(file: string): Example[] {
  return readFileSync(join(__dirname, '../test-data', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Example);
}

/** Positive = anything other than allow. Precision/recall over that binary split, plus exact decisions. */
function score(rows: Example[]): { precision: number; recall: number; exact: number; fp: string[]; fn: string[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  const fps: string[] = [];
  const fns: string[] = [];
  for (const r of rows) {
    const d = moderate(r.text).decision;
    const want = r.expected !== 'allow';
    const got = d !== 'allow';
    if (want && got) tp++;
    else if (!want && got) (fp++, fps.push(r.text));
    else if (want && !got) (fn++, fns.push(r.text));
    if (d === r.expected) exact++;
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), exact: exact / rows.length, fp: fps, fn: fns };
}

const labelled = load('labelled.jsonl');
const heldout = load('heldout.jsonl');

describe('labelled corpus', () => {
  it('has at least 300 examples across lv, ru and en with every kind represented', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['lv', 'ru', 'en']) expect(labelled.filter((r) => r.lang === lang).length).toBeGreaterThanOrEqual(80);
    for (const kind of ['clean', 'abusive', 'severe', 'obfuscated', 'report', 'lookalike']) {
      expect(labelled.some((r) => r.kind === kind)).toBe(true);
    }
    for (const d of ['allow', 'review', 'block']) expect(labelled.some((r) => r.expected === d)).toBe(true);
  });

  it.each(labelled.map((r) => [r.lang, r.expected, r.text] as const))('[%s] %s: %s', (_lang, expected, text) => {
    expect(moderate(text).decision).toBe(expected);
  });

  it('scores on the held-out set (written after tuning; never tuned against)', () => {
    const s = score(heldout);
    // eslint-disable-next-line no-console
    console.log(`held-out (${heldout.length}): precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} exact ${s.exact.toFixed(3)}`, s.fp, s.fn);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('never flags a clean message in the tuning set', () => {
    expect(score(labelled).fp).toEqual([]);
  });
});
