// Generated from contracts/catalogue by `npm run permissions:console`: do not edit.
import type { Permission } from '../../../contracts/permission-types.ts';

export const permissions = {
  "registerUnit": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "registerTask": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "assignTask": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "planMilestone": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "reportProgress": {
    "kind": "command",
    "roles": {
      "office": "all",
      "department_head": "own_unit",
      "liaison": "own_unit"
    }
  },
  "completeMilestone": {
    "kind": "command",
    "roles": {
      "office": "all",
      "department_head": "own_unit"
    }
  },
  "reopenMilestone": {
    "kind": "command",
    "roles": {
      "office": "all",
      "leader": "all"
    }
  },
  "assignMilestoneOwner": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "reportBlockage": {
    "kind": "command",
    "roles": {
      "office": "all",
      "department_head": "own_unit"
    }
  },
  "resolveBlockage": {
    "kind": "command",
    "roles": {
      "office": "all",
      "department_head": "own_unit",
      "leader": "all"
    }
  },
  "escalateBlockage": {
    "kind": "command",
    "roles": {
      "leader": "all"
    }
  },
  "assignBlockageCoordination": {
    "kind": "command",
    "roles": {
      "leader": "all"
    }
  },
  "reopenBlockage": {
    "kind": "command",
    "roles": {
      "office": "all",
      "department_head": "own_unit"
    }
  },
  "declareBlockagePartDone": {
    "kind": "command",
    "roles": {
      "department_head": "own_unit"
    }
  },
  "task": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "tasksById": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "tasks": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "units": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "taskHistory": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "signTask": {
    "kind": "command",
    "roles": {
      "department_head": "own_unit",
      "liaison": "own_unit"
    }
  },
  "transferTask": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "returnTask": {
    "kind": "command",
    "roles": {
      "department_head": "own_unit"
    }
  },
  "acceptReturn": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "refuseReturn": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "proposeSuspension": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "proposeTermination": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "approveLifecycleChange": {
    "kind": "command",
    "roles": {
      "leader": "own_tasks"
    }
  },
  "rejectLifecycleChange": {
    "kind": "command",
    "roles": {
      "leader": "own_tasks"
    }
  },
  "suspendTask": {
    "kind": "command",
    "roles": {
      "leader": "own_tasks"
    }
  },
  "resumeTask": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "terminateTask": {
    "kind": "command",
    "roles": {
      "leader": "own_tasks"
    }
  },
  "requestDeadlineExtension": {
    "kind": "command",
    "roles": {
      "department_head": "own_unit"
    }
  },
  "reviewDeadlineExtension": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "approveDeadlineExtension": {
    "kind": "command",
    "roles": {
      "leader": "own_tasks"
    }
  },
  "rejectDeadlineExtension": {
    "kind": "command",
    "roles": {
      "leader": "own_tasks"
    }
  },
  "reportTaskCompletion": {
    "kind": "command",
    "roles": {
      "department_head": "own_unit"
    }
  },
  "acceptTaskCompletion": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "rejectTaskCompletion": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "defineIndicator": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "reportIndicatorValue": {
    "kind": "command",
    "roles": {
      "office": "all",
      "department_head": "own_unit"
    }
  },
  "issueSupervisionNotice": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "answerSupervisionNotice": {
    "kind": "command",
    "roles": {
      "department_head": "own_unit"
    }
  },
  "issueLeadershipInstruction": {
    "kind": "command",
    "roles": {
      "leader": "all"
    }
  },
  "recordAccountability": {
    "kind": "command",
    "roles": {
      "office": "all",
      "inspector": "all"
    }
  },
  "awardBonus": {
    "kind": "command",
    "roles": {
      "leader": "all"
    }
  },
  "urgeTask": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "registerOfficial": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "assignPost": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "vacatePost": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "changeOfficialContacts": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "publishRuleset": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "publishWorkCalendar": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "officials": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "postHolders": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "rulesets": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "rulesetInForce": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "workCalendar": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "auditSearch": {
    "kind": "query",
    "roles": {
      "inspector": "all",
      "leader": "all",
      "office": "own_actions"
    }
  },
  "auditProof": {
    "kind": "query",
    "roles": {
      "inspector": "all",
      "leader": "all"
    }
  },
  "auditPublicKey": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "auditSign": {
    "kind": "command",
    "roles": {
      "inspector": "all",
      "office": "all"
    }
  },
  "runClock": {
    "kind": "command",
    "roles": {
      "office": "all",
      "system": "all"
    }
  },
  "responsibilityBoard": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "stageBoard": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "blockageBoard": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "progressBoard": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "resultsBoard": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "unitDeductions": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "unitFailedTasks": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "officialTasks": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "officialRecords": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "overview": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  },
  "internal": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all",
      "system": "all"
    }
  },
  "retryNotification": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "notifications": {
    "kind": "query",
    "roles": {
      "office": "all"
    }
  },
  "answerUrge": {
    "kind": "command",
    "roles": {
      "department_head": "own_unit"
    }
  },
  "approveProgressReport": {
    "kind": "command",
    "roles": {
      "department_head": "own_unit"
    }
  },
  "returnProgressReport": {
    "kind": "command",
    "roles": {
      "department_head": "own_unit"
    }
  },
  "registerMatter": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "replyToSource": {
    "kind": "command",
    "roles": {
      "department_head": "own_unit"
    }
  },
  "recordProposerEvaluation": {
    "kind": "command",
    "roles": {
      "office": "all"
    }
  },
  "splitTask": {
    "kind": "command",
    "roles": {
      "office": "all",
      "department_head": "own_unit"
    }
  },
  "myNotifications": {
    "kind": "query",
    "roles": {
      "office": "all",
      "department_head": "all",
      "leader": "all",
      "inspector": "all",
      "liaison": "all"
    }
  }
} as const satisfies Record<string, Permission>;

export type Operation = keyof typeof permissions;
