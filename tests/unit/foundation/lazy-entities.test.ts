import { describe, expect, it, vi } from 'vitest';

/**
 * Importing a function builds no dynamodb-toolbox entity (issue 14: each one checks its whole schema at
 * construction, and a bundle holds every entity its repositories name): entities and repositories are
 * built on first use (functions/src/store/once.ts).
 */

const built = vi.hoisted(() => [] as string[]);

vi.mock('dynamodb-toolbox/entity', async (importOriginal) => {
  const original = await importOriginal<typeof import('dynamodb-toolbox/entity')>();
  class CountingEntity extends original.Entity {
    constructor(config: any) {
      super(config);
      built.push(config.name);
    }
  }
  return { ...original, Entity: CountingEntity };
});

describe('entities are built on first use, not at import', () => {
  it('importing every HTTP function, the scheduled jobs and the notify function builds none', async () => {
    await import('../../../functions/src/http/areas');
    await import('../../../functions/src/jobs/purge-personal-data');
    await import('../../../functions/src/jobs/reply-overdue');
    await import('../../../functions/src/jobs/project-openings');
    await import('../../../functions/src/notify/index');
    expect(built).toEqual([]);
    // Transforming every function's modules takes seconds on a loaded machine.
  }, 60_000);

  it('the first use builds the entity once', async () => {
    const { MembershipEntity } = await import('../../../functions/src/store/entities/membership.entity');
    const first = MembershipEntity();
    expect(MembershipEntity()).toBe(first);
    expect(built).toEqual(['Membership']);
  });
});
