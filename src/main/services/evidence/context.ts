import type Database from 'better-sqlite3';
import type { Workspace } from '../../workspace';
import type { AssessmentService } from '../assessments';
import type { BlobStore } from './blobStore';

/** What every part of the evidence service shares: the workspace, its store and its statements. */
export interface EvidenceContext {
  ws: Workspace;
  assessments: AssessmentService;
  blobs: BlobStore;
  /** Prepared once per text: a batch of a thousand files runs the same few statements. */
  sql(text: string): Database.Statement;
}

export function statementCache(db: Database.Database): (text: string) => Database.Statement {
  const statements = new Map<string, Database.Statement>();
  return (text) => {
    let st = statements.get(text);
    if (!st) {
      st = db.prepare(text);
      statements.set(text, st);
    }
    return st;
  };
}
