/**
 * zod, as the app's modules import it. zod compiles object schemas with `new Function` where it may, and
 * probes for that when the first object schema is made. The page's Content-Security-Policy allows no
 * eval, so on every load the browser would refuse the probe (a CSP violation) before zod fell back to
 * what `jitless` does. On the page zod is told so up front; workers have no such policy and keep the
 * compiled parsers.
 */
import { z } from 'zod';

if (typeof document !== 'undefined') z.config({ jitless: true });

export { z };
