// Serves the built app (dist/) on a fixed local port. Used by `npm start` and by the browser tests.
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const server = await preview({ preview: { port, strictPort: true, host: '127.0.0.1', open: false } });
const url = `http://127.0.0.1:${port}/`;
console.log(`Corridor Watch is being served at ${url}  (Ctrl+C to stop)`);
const stop = () => server.httpServer.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
