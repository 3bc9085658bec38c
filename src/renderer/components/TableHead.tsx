/** A column header a screen reader announces but the eye does not need (a row's actions, an icon). */
export interface HiddenColumn {
  hidden: string;
}

/** A table's header row, one `th scope="col"` per column. */
export function TableHead({ columns }: { columns: readonly (string | HiddenColumn)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          // Columns never move, so their place is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of headers
          <th key={i} scope="col">
            {typeof c === 'string' ? c : <span className="sr-only">{c.hidden}</span>}
          </th>
        ))}
      </tr>
    </thead>
  );
}
