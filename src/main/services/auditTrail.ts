import type Database from 'better-sqlite3';
import {
  type AuditEvent,
  type ChainVerdict,
  chainGenesis,
  eventHash,
  verifyChain,
} from '../../core/audit/auditChain';
import type { JsonValue } from '../../core/canonicalJson';
import { sha256Hex } from './hash';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  data: JsonValue;
}

interface EventRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  data: string;
  prev: string;
  hash: string;
}

function fromRow(r: EventRow): AuditEvent {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    data: JSON.parse(r.data) as JsonValue,
    prev: r.prev,
    hash: r.hash,
  };
}

/** Appends to and reads the per-assessment hash chain. Callers append inside their own write transaction. */
export class AuditTrail {
  private readonly headStmt: Database.Statement;
  private readonly insertStmt: Database.Statement;
  private readonly listStmt: Database.Statement;

  constructor(db: Database.Database) {
    this.headStmt = db.prepare(
      'SELECT seq, hash FROM audit_event WHERE assessment_id = ? ORDER BY seq DESC LIMIT 1',
    );
    this.insertStmt = db.prepare(
      `INSERT INTO audit_event (assessment_id, seq, at, actor, action, entity, entity_id, data, prev, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.listStmt = db.prepare('SELECT * FROM audit_event WHERE assessment_id = ? ORDER BY seq');
  }

  append(assessmentId: string, actor: string, at: string, entry: AuditEntry): AuditEvent {
    const head = this.headStmt.get(assessmentId) as { seq: number; hash: string } | undefined;
    // New trails start at their assessment's own genesis (scheme 2); old ones go on as they began.
    const prev = head?.hash ?? chainGenesis(assessmentId, sha256Hex);
    const fields = { seq: (head?.seq ?? 0) + 1, at, actor, ...entry };
    const hash = eventHash(prev, fields, sha256Hex);
    this.insertStmt.run(
      assessmentId,
      fields.seq,
      at,
      actor,
      entry.action,
      entry.entity,
      entry.entityId,
      JSON.stringify(entry.data),
      prev,
      hash,
    );
    return { ...fields, prev, hash };
  }

  /** Whether any event was ever recorded under this id (a deleted assessment's trail stays). */
  exists(assessmentId: string): boolean {
    return this.headStmt.get(assessmentId) !== undefined;
  }

  list(assessmentId: string): AuditEvent[] {
    return (this.listStmt.all(assessmentId) as EventRow[]).map(fromRow);
  }

  verify(assessmentId: string): ChainVerdict {
    return verifyChain(this.list(assessmentId), sha256Hex, assessmentId);
  }
}
