/** Builds the bare page's point arrays off the main thread and hands them over (transferred, not copied). */
import { pointsOf, type PointsRequest } from './points';

self.onmessage = async (e: MessageEvent<PointsRequest>) => {
  const a = await pointsOf(e.data);
  (self as unknown as Worker).postMessage(a, [a.positions.buffer, a.colours.buffer, a.days.buffer]);
};
