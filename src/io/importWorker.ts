/**
 * Web worker entry for imports: receives an `ImportRequest`, posts `ImportMessage`s. Load it with
 * `new Worker(new URL('../io/importWorker.ts', import.meta.url), { type: 'module' })`.
 */
import { runImport, type ImportMessage, type ImportRequest } from './runImport';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage: (message: ImportMessage) => void;
};

scope.onmessage = (event) => runImport(event.data, (message) => scope.postMessage(message));
