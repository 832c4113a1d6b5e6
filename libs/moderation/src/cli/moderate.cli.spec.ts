import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runModerateCli } from './moderate.cli';

async function run(input: string): Promise<{ out: string[]; err: string; failed: number }> {
  const output = new PassThrough();
  const errors = new PassThrough();
  const chunks: string[] = [];
  const errChunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString()));
  errors.on('data', (c: Buffer) => errChunks.push(c.toString()));
  const { failed } = await runModerateCli(Readable.from([input]), output, errors);
  return { out: chunks.join('').split('\n').filter(Boolean), err: errChunks.join(''), failed };
}

describe('moderate CLI', () => {
  it('writes one JSON line per input line with the contract fields', async () => {
    const { out, failed } = await run('{"id":1,"text":"Ты сука"}\n{"id":"b","text":"Labdien!"}\n\n{"id":{"x":1},"text":"f*ck"}\r\n');
    expect(failed).toBe(0);
    const rows = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((r) => r.id)).toEqual([1, 'b', { x: 1 }]);
    expect(rows.map((r) => r.decision)).toEqual(['block', 'allow', 'review']);
    expect(Object.keys(rows[0])).toEqual(['id', 'decision', 'categories', 'matches']);
    expect(rows[0].matches).toEqual([{ start: 3, end: 7, category: 'insult', severity: 3, term: 'сука', lang: 'ru' }]);
  });

  it('answers a bad line with an error line and reports it on stderr', async () => {
    const { out, err, failed } = await run('not json\n{"id":7}\n[1]\n{"id":8,"text":"ok"}\n');
    expect(failed).toBe(3);
    expect(out.map((l) => JSON.parse(l) as { id: unknown; error?: string; decision?: string })).toEqual([
      { id: null, error: expect.any(String) },
      { id: 7, error: '"text" must be a string' },
      { id: null, error: 'line must be a JSON object' },
      { id: 8, decision: 'allow', categories: [], matches: [] },
    ]);
    expect(err).toContain('line 1');
  });

  it('keeps stdout pure JSON lines through npm run --silent moderate', () => {
    const root = join(__dirname, '../../../..');
    const p = spawnSync('npm', ['run', '--silent', 'moderate'], {
      cwd: root,
      input: '{"id":1,"text":"fuck"}\nbroken\n{"id":2,"text":"Sveiki"}\n',
      encoding: 'utf8',
    });
    expect(p.status).toBe(0);
    const lines = p.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(() => JSON.parse(l) as unknown).not.toThrow();
    expect(p.stdout.endsWith('\n')).toBe(true);
  }, 30_000);
});
