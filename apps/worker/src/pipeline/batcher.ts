interface Waiting<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Serves calls made by concurrent jobs with one `run` per batch (one statement instead of one round
 * trip each), group-commit style: while `maxInFlight` batches are running, new calls gather and go
 * together as soon as one returns. A lone call waits only for the end of the event loop's turn, so
 * an idle worker adds no delay, and the busier the database the bigger the batches, which keeps the
 * pool free. Holds nothing once a batch is answered.
 */
export class Batcher<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private scheduled = false;
  private inFlight = 0;

  /** `run` answers every input of a batch, in order. */
  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly options: {
      maxBatch?: number;
      maxInFlight?: number;
      /** How long a first call waits for company; for work nobody waits on (bookkeeping after the send). */
      lingerMs?: number;
    } = {},
  ) {}

  call(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.waiting.length >= (this.options.maxBatch ?? 100)) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        const flush = () => {
          this.scheduled = false;
          this.flush();
        };
        if (this.options.lingerMs) setTimeout(flush, this.options.lingerMs);
        else setImmediate(flush);
      }
    });
  }

  private flush(): void {
    if (!this.waiting.length || this.inFlight >= (this.options.maxInFlight ?? 1)) return;
    const batch = this.waiting.splice(0, this.options.maxBatch ?? 100);
    this.inFlight++;
    Promise.resolve()
      .then(() => this.run(batch.map((w) => w.input)))
      .then(
        (outputs) => batch.forEach((w, i) => w.resolve(outputs[i])),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        this.inFlight--;
        this.flush();
      });
  }
}

/** Answers a batch of ids from one lookup by id (ids repeated in the batch share the answer). */
export function byIdBatcher<T>(load: (ids: string[]) => Promise<Map<string, T>>): Batcher<string, T | null> {
  return new Batcher<string, T | null>(async (ids) => {
    const found = await load([...new Set(ids)]);
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** `?, ?, …` for the values of an `in (…)` list. */
export const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** A `case id when … then … end` giving each row of a batch its own value, with its parameters. */
export function cases<T extends { id: string }>(rows: readonly T[], value: (row: T) => unknown, cast = '?') {
  return { sql: `case id ${rows.map(() => `when ? then ${cast}`).join(' ')} end`, params: rows.flatMap((r) => [r.id, value(r)]) };
}
