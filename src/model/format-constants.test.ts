import { describe, expect, it } from 'vitest';
import {
  ACTOR_KINDS,
  MILESTONE_KINDS,
  OUTCOMES,
  RELATION_KINDS,
  SCHEMA_VERSION,
  SYSTEM_KINDS,
} from './format-constants';
import {
  ActorKind,
  IncidentObject,
  MilestoneKind,
  Outcome,
  RelationKind,
  SystemKind,
} from './incident';

describe('the format constants the page reads without zod', () => {
  it.each([
    ['outcomes', Outcome.options, OUTCOMES],
    ['actor kinds', ActorKind.options, ACTOR_KINDS],
    ['milestone kinds', MilestoneKind.options, MILESTONE_KINDS],
    ['relation kinds', RelationKind.options, RELATION_KINDS],
    ['system kinds', SystemKind.options, SYSTEM_KINDS],
  ])('are the words the schema accepts: %s', (_, accepted, listed) => {
    expect(accepted).toEqual([...listed]);
  });

  it('are the version the schema requires', () => {
    expect(IncidentObject.shape.schemaVersion.value).toBe(SCHEMA_VERSION);
  });
});
