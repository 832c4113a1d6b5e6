import { Batcher, byIdBatcher } from './batcher';

/** A `run` that records its batches and answers when told to. */
function recorder() {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const run = (inputs: number[]) =>
    new Promise<number[]>((resolve) => {
      batches.push(inputs);
      pending.push(() => resolve(inputs.map((x) => x * 10)));
    });
  const answer = async () => {
    pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, run, answer };
}

describe('Batcher', () => {
  it('answers the calls of one turn of the event loop with one run, each with its own answer', async () => {
    const { batches, run, answer } = recorder();
    const batcher = new Batcher(run);
    const calls = [1, 2, 3].map((x) => batcher.call(x));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1, 2, 3]]);
    await answer();
    expect(await Promise.all(calls)).toEqual([10, 20, 30]);
  });

  it('gathers the calls made while a batch runs and sends them together when it returns', async () => {
    const { batches, run, answer } = recorder();
    const batcher = new Batcher(run);
    const first = batcher.call(1);
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4].map((x) => batcher.call(x));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    await answer();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await answer();
    expect(await Promise.all([first, ...later])).toEqual([10, 20, 30, 40]);
  });

  it('splits at maxBatch', async () => {
    const { batches, run, answer } = recorder();
    const batcher = new Batcher(run, { maxBatch: 2, maxInFlight: 5 });
    const calls = [1, 2, 3, 4, 5].map((x) => batcher.call(x));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    for (let i = 0; i < 3; i++) await answer();
    expect(await Promise.all(calls)).toEqual([10, 20, 30, 40, 50]);
  });

  it('a failed run fails every call of its batch, and the next batch runs', async () => {
    let fail = true;
    const batcher = new Batcher(async (inputs: number[]) => {
      if (fail) throw new Error('database away');
      return inputs;
    });
    const failed = [1, 2].map((x) => batcher.call(x).catch((e: Error) => e.message));
    expect(await Promise.all(failed)).toEqual(['database away', 'database away']);
    fail = false;
    expect(await batcher.call(3)).toBe(3);
  });

  it('with lingerMs, a first call waits for company', async () => {
    const { batches, run, answer } = recorder();
    const batcher = new Batcher(run, { lingerMs: 20 });
    const first = batcher.call(1);
    await new Promise((r) => setTimeout(r, 5));
    const second = batcher.call(2);
    expect(batches).toEqual([]);
    await new Promise((r) => setTimeout(r, 30));
    expect(batches).toEqual([[1, 2]]);
    await answer();
    expect(await Promise.all([first, second])).toEqual([10, 20]);
  });
});

describe('byIdBatcher', () => {
  it('looks each id up once and gives repeated and missing ids their answer', async () => {
    const lookups: string[][] = [];
    const batcher = byIdBatcher(async (ids) => {
      lookups.push(ids);
      return new Map(ids.filter((id) => id !== 'gone').map((id) => [id, id.toUpperCase()]));
    });
    const answers = await Promise.all(['a', 'b', 'a', 'gone'].map((id) => batcher.call(id)));
    expect(lookups).toEqual([['a', 'b', 'gone']]);
    expect(answers).toEqual(['A', 'B', 'A', null]);
  });
});
