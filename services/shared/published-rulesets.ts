import type { Ruleset, RulesetEvent } from '../../contracts/events/index.ts';
import { toDomainEvent } from '../../contracts/events/upcast.ts';
import { rulesStreamId } from '../../contracts/streams.ts';
import { publishedRulesets, rulesetInForce } from '../../domain/rulesets/in-force.ts';
import type { EventStore } from '../../infra/event-store/port.ts';

/** The published versions, read from the `rules` stream itself: the source of truth. */
export const readPublishedRulesets = async (eventStore: EventStore): Promise<Ruleset[]> => {
  const stored = await eventStore.readStream(rulesStreamId);
  return publishedRulesets(stored.map((event) => toDomainEvent<RulesetEvent>(event)));
};

/**
 * The ruleset in force on `day`, read from the `rules` stream of the event store
 * itself: a version published a moment ago counts even before any view shows it.
 */
export const readRuleset = async (eventStore: EventStore, day: string): Promise<Ruleset> =>
  rulesetInForce(await readPublishedRulesets(eventStore), day);
