/**
 * CPU profiles for the browser benchmark (`--profile`): the CDP profile of a page phase saved as a
 * .cpuprofile (open it in Chromium's DevTools, Performance panel) and summarised as the functions with the
 * most self time, so a ratio that misses its target comes with the reason.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** Start sampling the page's main thread (every 200 µs). */
export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.PROFILE_INTERVAL_US ?? 200) });
  await cdp.send('Profiler.start');
}

/** Stop sampling, save the profile to `file`, and return the top `top` functions by self time. */
export async function stopProfile(cdp: CDPSession, file: string, top = 25): Promise<string[]> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  writeFileSync(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let k = 0; k < samples.length; k++) {
    const n = byId.get(samples[k]!);
    if (!n) continue;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'}  ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    // A sample's time is the gap to the next one.
    self.set(key, (self.get(key) ?? 0) + (deltas[k + 1] ?? 0) / 1000);
  }
  return [...self.entries()]
    .filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`);
}
