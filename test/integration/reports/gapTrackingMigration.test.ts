import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/main/db/migrations';
import { openTestWorkspace } from '../../helpers/workspace';

describe('migration 0006 gap_tracking', () => {
  it('is registered and keeps owner, due and status valid per assessment', () => {
    expect(MIGRATIONS.find((m) => m.version === 6)?.name).toBe('0006_gap_tracking.sql');
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'Plant' });
    const insert = services.ws.db.prepare(
      "INSERT INTO gap_tracking (assessment_id, gap_id, owner, due, status, updated_at) VALUES (?, ?, 'x', ?, ?, 't')",
    );
    insert.run(a.id, 'GAP-1', '2027-03-31', 'in-progress');
    expect(() => insert.run(a.id, 'GAP-2', '31.03.2027', 'open')).toThrow(/CHECK constraint/);
    expect(() => insert.run(a.id, 'GAP-3', null, 'done')).toThrow(/CHECK constraint/);
    expect(() => insert.run(a.id, 'GAP-1', null, 'open')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run('no-such-assessment', 'GAP-4', null, 'open')).toThrow(/FOREIGN KEY/);
    services.assessments.delete(a.id);
    expect(services.ws.db.prepare('SELECT COUNT(*) AS n FROM gap_tracking').get()).toEqual({ n: 0 });
  });
});
