import type { ErrorCode, ErrorDetails } from '../../../contracts/errors.ts';
import type { StoreConfig } from '../../../infra/stores/stores.ts';
import type { PastDays } from './past-days.ts';

/** What the worker is started with: where the stores are, how many days it keeps. */
export interface WorkerSetup {
  stores: StoreConfig;
  cachedDays: number;
}

type Served = 'board' | 'overview' | 'lights';

/** A call of one of `PastDays`' methods, numbered; or the request to close. */
export type PastRequest =
  | { [Op in Served]: { id: number; op: Op; args: Parameters<PastDays[Op]> } }[Served]
  | { op: 'close' };

/** The answer to the call numbered `id`: its result, or its error (a DomainError's code kept). */
export interface PastResponse {
  id: number;
  result?: unknown;
  error?: { code?: ErrorCode; message: string; details?: ErrorDetails };
}
