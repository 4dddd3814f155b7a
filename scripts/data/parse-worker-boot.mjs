// Bootstrap for the parse worker: worker threads do not inherit tsx's loader, so register it here.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
