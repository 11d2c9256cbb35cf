/** The worker's message flow through `handle(req, post)`, without a Worker: every answer it posts. */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dateToDay } from '../../../src/domain/dates';
import { ScenarioModel } from '../../../src/domain/scenarios';
import type { AreaFeature, Source } from '../../../src/domain/schemas';
import type { Request, Response, WorkerGeodata } from '../../../src/metrics/protocol';
import { createNode, createRoute, createSighting, deepFreeze } from './helpers';

type Handle = (req: Request, post: (r: Response) => void) => void;

/** A fresh worker module (its engine is module state), and a recorder of what it posts. */
async function freshWorker(): Promise<{ send: (req: Request) => Response[] }> {
  vi.resetModules();
  const { handle } = (await import('../../../src/metrics/worker')) as { handle: Handle };
  return { send: (req) => { const out: Response[] = []; handle(req, (r) => out.push(r)); return out; } };
}

const area: AreaFeature = deepFreeze({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [[[20, 10], [21, 10], [21, 11], [20, 11], [20, 10]]] },
  properties: { id: 'box', name: 'Box', kind: 'training-area', period: { from: '2024-01-01' }, sources: ['fixture'], accuracy: 'approximate', precisionKm: 5 },
} as unknown as AreaFeature);
const sources: Source[] = [{ id: 'src-a', publisher: 'A', title: 'A', kind: 'government' }];
const geodata: WorkerGeodata = {
  routes: [createRoute('r', [[10, 0], [12, 0]])],
  nodes: [createNode('hub', [11, 0], { catchmentKm: 10 })],
  areas: [area],
  sightings: [createSighting([11, 0], '2024-03-05'), createSighting([11.5, 0.05], '2024-03-20'), createSighting([20.5, 10.5], '2024-03-10')],
  sources,
};
const scenarios = ScenarioModel.parse(JSON.parse(readFileSync('geodata/scenarios.json', 'utf8')));

describe('metrics worker handle()', () => {
  let send: (req: Request) => Response[];
  beforeEach(async () => { ({ send } = await freshWorker()); });

  it('answers an error before init, with the request id', () => {
    expect(send({ id: 7, type: 'window', filters: { fromDay: 0, toDay: 1 } })).toEqual([
      { id: 7, type: 'error', message: 'metrics worker: send "init" first' },
    ]);
  });

  it('init → progress per zone → ready; then window, scenarios, along, width; errors keep the worker usable', () => {
    const init = send({ id: 1, type: 'init', geodata, scenarios, widthKm: 25 });
    const progress = init.filter((r) => r.type === 'progress');
    expect(progress.map((r) => r.type === 'progress' && [r.id, r.progress.done, r.progress.total])).toEqual([[1, 1, 3], [1, 2, 3], [1, 3, 3]]);
    const ready = init.at(-1)!;
    expect(init.indexOf(ready)).toBe(3);
    if (ready.type !== 'ready') throw new Error(`expected ready, got ${ready.type}`);
    expect(ready.zones.map((z) => [z.id, z.kind, z.members])).toEqual([['r', 'corridor', 2], ['hub', 'node', 1], ['box', 'area', 1]]);

    const [win] = send({ id: 2, type: 'window', filters: { fromDay: dateToDay('2024-03-01'), toDay: dateToDay('2024-03-31') }, detailFor: ['r'] });
    if (win?.type !== 'window') throw new Error('expected window');
    expect(win.id).toBe(2);
    expect(win.metrics.zones.map((z) => [z.zoneId, z.count])).toEqual([['r', 2], ['hub', 1], ['box', 1]]);
    expect(win.metrics.all.count).toBe(3);
    expect(win.metrics.zones[0]!.weekly.counts).toEqual([1, 0, 1, 0, 0]);
    expect(win.metrics.zones[1]!.weekly.counts).toEqual([]); // not in detailFor

    const [sc] = send({ id: 3, type: 'scenarios', asOfDay: dateToDay('2024-04-01') });
    if (sc?.type !== 'scenarios') throw new Error('expected scenarios');
    expect(sc.scores.map((s) => s.id)).toEqual(['S1', 'S2', 'S3', 'S4']);
    const count = (l: { indicators: unknown[] }[]) => l.reduce((a, s) => a + s.indicators.length, 0);
    expect(sc.indicators.length).toBe(count(scenarios.scenarios) + count(scenarios.signposts)); // scenario + signpost indicators

    const [along] = send({ id: 4, type: 'along', zoneId: 'r' });
    if (along?.type !== 'along') throw new Error('expected along');
    expect(Array.from(along.members)).toEqual([0, 1]);
    expect(along.alongKm[0]).toBeCloseTo(111.2, 0);
    expect(along.alongKm[1]).toBeCloseTo(166.8, 0);

    expect(send({ id: 5, type: 'along', zoneId: 'hub' })).toEqual([{ id: 5, type: 'error', message: 'not a corridor: hub' }]);

    const width = send({ id: 6, type: 'width', widthKm: 5 });
    const again = width.at(-1)!;
    if (again.type !== 'ready') throw new Error('expected ready');
    expect(again.zones[0]!.members).toBe(1); // 0.05° ≈ 5.6 km off the route: outside at 5 km
    expect(width.filter((r) => r.type === 'progress')).toHaveLength(3);
  });
});
