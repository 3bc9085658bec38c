import { parseArgs } from 'node:util';
import { RESULTS, type ResponseResult } from '../../core/domain';
import { parseLinkSpec } from '../../core/evidenceTargets';
import { CONTROL_KINDS, type ControlKind, type ItemRef } from '../../core/model';
import { type CliCommand, UsageError } from '../command';

/** An answer's place in the --link syntax (organisation:REQ, zone:ID:REQ, ...). */
function itemRef(spec: string): ItemRef {
  const t = parseLinkSpec(spec);
  if (typeof t === 'string') throw new UsageError(t);
  if (t.kind !== 'response')
    throw new UsageError(`"${spec}" names no requirement: use zone:ID:REQ, conduit:ID:REQ or asset:ID:REQ`);
  return { scope: t.scope, requirement: t.requirement };
}

export const answerCommand: CliCommand = {
  name: 'answer',
  usage: 'answer ID SCOPE:REQ RESULT [--justification T] [--comment T] [--maturity N]',
  summary: 'Answer one checklist item (not-applicable needs --justification) and print the stored answer',
  run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        justification: { type: 'string' },
        comment: { type: 'string' },
        maturity: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const [id, spec, result, ...rest] = positionals;
    if (!id || !spec || !result || rest.length)
      throw new UsageError('answer needs an assessment ID, an item (e.g. "zone:z1:SR 1.1") and a result');
    if (!RESULTS.includes(result as ResponseResult))
      throw new UsageError(`the result is one of ${RESULTS.join(', ')}, not '${result}'`);
    const maturity = values.maturity === undefined ? undefined : Number(values.maturity);
    if (maturity !== undefined && !(Number.isInteger(maturity) && maturity >= 0 && maturity <= 4))
      throw new UsageError('--maturity is a whole number from 0 to 4');
    const ref = itemRef(spec);
    const r = ctx.services().responses.set(id, ref.scope, ref.requirement, {
      result: result as ResponseResult,
      ...(maturity !== undefined && { maturity }),
      ...(values.justification !== undefined && { justification: values.justification }),
      ...(values.comment !== undefined && { comment: values.comment }),
    });
    ctx.io.stdout(`${JSON.stringify(r, null, 2)}\n`);
    return 0;
  },
};

export const controlCommand: CliCommand = {
  name: 'control',
  usage:
    'control list ID [--json] | add ID --covers SCOPE:REQ... --kind K --description T [--implemented-by SCOPE:REQ] [--owner O] [--review-due YYYY-MM-DD] | delete ID CONTROL',
  summary: 'List, add or delete compensating controls; add prints the new control id',
  run(ctx, args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        covers: { type: 'string', multiple: true },
        kind: { type: 'string' },
        description: { type: 'string' },
        'implemented-by': { type: 'string' },
        owner: { type: 'string' },
        'review-due': { type: 'string' },
        json: { type: 'boolean' },
      },
      allowPositionals: true,
      strict: true,
    });
    const [sub, id, ...rest] = positionals;
    if (!id) throw new UsageError('control needs list, add or delete and an assessment ID');
    const controls = ctx.services().controls;
    if (sub === 'list') {
      const list = controls.list(id);
      if (values.json) ctx.io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else
        for (const c of list)
          ctx.io.stdout(
            `${c.id}\t${c.kind}\t${c.covers.map((r) => `${r.scope.kind === 'organisation' ? 'organisation' : `${r.scope.kind}:${r.scope.id}`}:${r.requirement}`).join(', ')}\t${c.description}\n`,
          );
      return 0;
    }
    if (sub === 'delete') {
      if (rest.length !== 1) throw new UsageError('control delete needs an assessment ID and a control id');
      controls.delete(id, rest[0]);
      return 0;
    }
    if (sub !== 'add') throw new UsageError(`control knows list, add and delete, not '${sub ?? ''}'`);
    if (!values.covers?.length) throw new UsageError('control add needs at least one --covers SCOPE:REQ');
    if (!CONTROL_KINDS.includes(values.kind as ControlKind))
      throw new UsageError(`--kind is one of ${CONTROL_KINDS.join(', ')}`);
    if (!values.description?.trim()) throw new UsageError('control add needs --description');
    const due = values['review-due'];
    if (due !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(due))
      throw new UsageError('--review-due is a date like 2027-03-31');
    const c = controls.create(id, {
      description: values.description,
      kind: values.kind as ControlKind,
      covers: values.covers.map(itemRef),
      implementedBy: values['implemented-by'] ? itemRef(values['implemented-by']) : null,
      owner: values.owner ?? '',
      reviewDue: due ?? null,
    });
    ctx.io.stdout(`${c.id}\n`);
    return 0;
  },
};
