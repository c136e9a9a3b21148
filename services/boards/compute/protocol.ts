import type { ErrorCode, ErrorDetails } from '../../../contracts/errors.ts';
import type { StoreConfig } from '../../../infra/stores/stores.ts';
import type { BoardsCompute } from './boards-compute.ts';

/** What the worker is started with: where the stores are, how many past days (and documents) it keeps. */
export interface WorkerSetup {
  stores: StoreConfig;
  cachedDays: number;
  /** Documents the past days kept may hold together (absent: no bound but the days). */
  cachedDocuments?: number;
  /** Work no request waits for: the thread runs at the lowest CPU priority (nice 19). */
  background?: boolean;
}

type Served = 'board' | 'overview' | 'lights' | 'closeDays' | 'warm';

/** A call of one of `BoardsCompute`'s methods, numbered; or the request to close. */
export type ComputeRequest =
  | { [Op in Served]: { id: number; op: Op; args: Parameters<BoardsCompute[Op]> } }[Served]
  | { op: 'close' };

/** The answer to the call numbered `id`: its result, or its error (a DomainError's code kept). */
export interface ComputeResponse {
  id: number;
  result?: unknown;
  error?: { code?: ErrorCode; message: string; details?: ErrorDetails };
}
