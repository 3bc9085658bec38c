import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase } from '../../src/main/db/openDatabase';
import { createServices } from '../../src/main/services';
import { workspaceAtSchema } from '../helpers/oldSchema';

describe('migration 0007 (results, edition 2)', () => {
  it('turns free-text compensating controls into records, N/A comments into justifications, and flags the answers', () => {
    const dir = workspaceAtSchema(6, 'Before 0007');
    const raw = new Database(`${dir}/${DB_FILE_NAME}`);
    raw.exec(`
      INSERT INTO zone (id, assessment_id, name, sl_target) VALUES ('z1', 'a1', 'Control', '{"FR1":1,"FR2":1,"FR3":1,"FR4":1,"FR5":1,"FR6":1,"FR7":1}');
      INSERT INTO response (assessment_id, scope_kind, scope_id, requirement, result, compensating_control, comment, assessed_at)
        VALUES ('a1', 'zone', 'z1', 'SR 1.1', 'met', 'Jump host with MFA', '', 't'),
               ('a1', 'zone', 'z1', 'SR 2.1', 'not-applicable', '', 'No operators on site', 't'),
               ('a1', 'zone', 'z1', 'SR 3.1', 'not-applicable', '', '', 't'),
               ('a1', 'zone', 'z1', 'SR 4.1', 'not-met', '', '', 't');`);
    raw.close();
    openDatabase(dir).close();
    const s = createServices(dir);
    const model = s.interchange.exportDocument('a1');
    const byReq = new Map(model.responses.map((r) => [r.requirement, r]));
    expect(byReq.get('SR 1.1')).toMatchObject({ result: 'met', flagged: true, justification: '' });
    expect(byReq.get('SR 2.1')).toMatchObject({
      result: 'not-applicable',
      justification: 'No operators on site',
    });
    expect(byReq.get('SR 4.1')).toMatchObject({ flagged: false });
    expect(model.compensatingControls).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^CC-[0-9a-f]{12}$/),
        description: 'Jump host with MFA',
        kind: 'other',
        covers: [{ scope: { kind: 'zone', id: 'z1' }, requirement: 'SR 1.1' }],
        implementedBy: null,
      }),
    ]);
    // the N/A without a reason is an open question, "justification missing", not a gap
    const score = s.score.get('a1');
    expect(score.openQuestions.find((q) => q.requirement === 'SR 3.1')?.reason).toBe('justification-missing');
    expect(score.gaps.map((g) => g.requirement)).toEqual(['SR 4.1']);
    expect(s.ws.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('response')).not.toContain(
      'compensating_control',
    );
    s.ws.close();
  });
});
