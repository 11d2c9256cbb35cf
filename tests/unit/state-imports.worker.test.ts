/**
 * A worker failure of any kind ends the import job with a clear message: the request cannot be sent,
 * the worker cannot start, throws, dies, sends what cannot be read, or cannot hand its result over
 * (`DataCloneError`). The page side runs here with a stand-in worker; the worker side with a `post`
 * that throws as `postMessage` does.
 */
import { describe, expect, it } from 'vitest';
import { parseCSVImport } from '../../src/io';
import { startWorker, type WorkerFactory, type WorkerLike } from '../../src/state/import/client';
import { deliverOrFail, runWorkerRequest, type WorkerMessage } from '../../src/state/import/delivery';

type Fake = WorkerLike & { terminated: boolean };

/** A stand-in worker whose `postMessage` runs `behave` (which may answer through the handlers). */
function fakeWorker(behave: (w: Fake) => void): { factory: WorkerFactory; worker: () => Fake } {
  let made: Fake | null = null;
  const factory: WorkerFactory = () => {
    const w: Fake = {
      terminated: false,
      onmessage: null,
      onerror: null,
      onmessageerror: null,
      postMessage: () => behave(w),
      terminate: () => {
        w.terminated = true;
      },
    };
    made = w;
    return w;
  };
  return { factory, worker: () => made! };
}

const REQUEST = { text: 'lat,lon\n', name: 'a.csv' };
const dataCloneError = () => Object.assign(new Error('function could not be cloned'), { name: 'DataCloneError' });

describe('the page side ends the job on any worker failure', () => {
  it('an error event (the worker threw or died)', async () => {
    const { factory, worker } = fakeWorker((w) => w.onerror?.({ message: 'Uncaught RangeError: out of memory', preventDefault() {} } as ErrorEvent));
    const outcome = await startWorker(REQUEST, () => {}, factory).done;
    expect(outcome).toEqual({ type: 'error', message: 'the import worker failed (Uncaught RangeError: out of memory)' });
    expect(worker().terminated).toBe(true);
  });

  it('a message that cannot be deserialised', async () => {
    const { factory } = fakeWorker((w) => w.onmessageerror?.({} as MessageEvent));
    expect(await startWorker(REQUEST, () => {}, factory).done).toEqual({ type: 'error', message: "the import worker's answer could not be read" });
  });

  it('a request that cannot be sent (DataCloneError in postMessage)', async () => {
    const { factory } = fakeWorker(() => {
      throw dataCloneError();
    });
    expect(await startWorker(REQUEST, () => {}, factory).done).toEqual({
      type: 'error',
      message: 'the file could not be handed to the import worker (function could not be cloned)',
    });
  });

  it('a worker that cannot start', async () => {
    const outcome = await startWorker(REQUEST, () => {}, () => {
      throw new Error('Worker is not defined');
    }).done;
    expect(outcome).toEqual({ type: 'error', message: 'the import worker could not start (Worker is not defined)' });
  });

  it('an error posted by the worker, and a message of no known kind', async () => {
    const posted = fakeWorker((w) => w.onmessage?.({ data: { type: 'error', message: 'the file could not be read' } } as MessageEvent));
    expect(await startWorker(REQUEST, () => {}, posted.factory).done).toEqual({ type: 'error', message: 'the file could not be read' });
    const odd = fakeWorker((w) => w.onmessage?.({ data: { type: 'result', result: {} } } as MessageEvent));
    expect(await startWorker(REQUEST, () => {}, odd.factory).done).toEqual({ type: 'error', message: 'the import worker sent something unexpected' });
  });

  it('parts that cannot be taken in', async () => {
    const { factory } = fakeWorker((w) =>
      w.onmessage?.({ data: { type: 'ready', format: 'csv', result: { features: [], sources: [], problems: [], remarks: [], total: 0 }, parts: null } } as MessageEvent),
    );
    const outcome = await startWorker(REQUEST, () => {}, factory).done;
    expect(outcome.type).toBe('error');
    expect(outcome.type === 'error' && outcome.message).toMatch(/^the parsed reports could not be taken in \(/);
  });
});

describe('the worker side posts an error when it cannot hand over', () => {
  const result = parseCSVImport('lat,lon,date,category,confidence,source,summary\n42,130,2024-10-01,training,high,R,a\n');

  it('a DataCloneError while posting the features becomes one error message', () => {
    const sent: WorkerMessage[] = [];
    deliverOrFail('csv', result, (m) => {
      if (m.type !== 'error') throw dataCloneError();
      sent.push(m);
    });
    expect(sent).toEqual([{ type: 'error', message: 'the reports could not be handed over (DataCloneError: function could not be cloned)' }]);
  });

  it('storage that throws on reading a saved batch is an error, not a rejected promise', async () => {
    const sent: WorkerMessage[] = [];
    await runWorkerRequest({ restoreKey: 'k' }, (m) => sent.push(m), {
      get: () => Promise.reject(new Error('IndexedDB is closed')),
      set: () => Promise.resolve(),
    });
    expect(sent).toEqual([{ type: 'error', message: 'IndexedDB is closed' }]);
  });
});
