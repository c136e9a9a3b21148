import type { ServiceSchema } from 'moleculer';
import type { Config } from '../infra/config/config.ts';
import type { Leadership } from '../infra/leadership/leadership.ts';
import type { LeaseName } from '../infra/lease/port.ts';
import { storeConfigOf } from '../infra/stores/stores.ts';
import { createAuditService } from '../services/audit/audit.service.ts';
import { auditOptions } from '../services/audit/audit-options.ts';
import { createBoardsService } from '../services/boards/boards.service.ts';
import { createDirectoryService } from '../services/directory/directory.service.ts';
import { createNotificationsService } from '../services/notifications/notifications.service.ts';
import { createProjectorService } from '../services/projector/projector.service.ts';
import { createRulesService } from '../services/rulesets/rulesets.service.ts';
import type { ServiceDeps } from '../services/shared/deps.ts';
import { createSupervisionService } from '../services/supervision/supervision.service.ts';
import { createTasksService } from '../services/tasks/tasks.service.ts';
import { createViewsService } from '../services/views/views.service.ts';

/** The campaign for one lease (or, with no lease store, a role that always leads). */
export type Campaign = (name: LeaseName) => Leadership;

type ServiceFactory = (
  deps: ServiceDeps,
  config: Readonly<Config>,
  campaign: Campaign,
) => ServiceSchema;

/** Every service by its name in SERVICES (the gateway is not a broker service). */
export const serviceFactories: Record<string, ServiceFactory> = {
  tasks: createTasksService,
  directory: createDirectoryService,
  projector: (deps, _config, campaign) =>
    createProjectorService(deps, { leadership: campaign('projector') }),
  views: createViewsService,
  boards: (deps, config) =>
    createBoardsService(deps, {
      cachedDays: config.boardsCachedDays,
      cachedDocuments: config.boardsCachedDocuments,
      keptDays: config.boardsKeptDays,
      pastIdleMs: config.boardsPastIdleSeconds * 1000,
      ...(config.boardsWorker
        ? { worker: { stores: storeConfigOf(config), memoryMb: config.boardsWorkerMemoryMb } }
        : {}),
    }),
  rules: createRulesService,
  audit: (deps, config, campaign) =>
    createAuditService({ ...deps, ...auditOptions(config) }, { leadership: campaign('audit') }),
  supervision: (deps, config, campaign) =>
    createSupervisionService(deps, {
      clockIntervalMs: config.supervisionClockIntervalMs,
      leadership: campaign('clock'),
    }),
  notifications: (deps, config, campaign) =>
    createNotificationsService(deps, {
      settings: config.notify,
      leadership: campaign('notifier'),
    }),
};
