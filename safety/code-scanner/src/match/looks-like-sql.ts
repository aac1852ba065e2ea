const COLUMN = String.raw`(?:\*|[\w.]+\s*\([^)]*\)|[\w.*"\x60[\]]+|\$?\{[^}]*\})(?:\s+AS\s+\w+)?`;
const TABLE = String.raw`(?:[\w."\x60[\]]+|\$?\{[^}]*\})`;
const AFTER_TABLE = String.raw`(?:\s+(?:AS\s+)?\w+)?\s*(?:$|[,;)]|\b(?:WHERE|JOIN|LEFT|RIGHT|INNER|OUTER|CROSS|FULL|NATURAL|ORDER|GROUP|LIMIT|OFFSET|HAVING|UNION|FOR|USING|ON)\b)`;

const SELECT = new RegExp(
  String.raw`\b(SELECT)\s+(?:DISTINCT\s+)?${COLUMN}(?:\s*,\s*${COLUMN})*\s+(FROM)(?:\s*$|\s+${TABLE}${AFTER_TABLE})`,
  "i",
);

const OTHER_SHAPES: readonly RegExp[] = [
  /\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+[\w"`[{$]/i,
  /\bUPDATE\s+[\w."`[\]{}$]+\s+SET\s/i,
  /\bDELETE\s+FROM\s+[\w"`[{$]/i,
  /\bWHERE\s+[\w."`[\]]+\s*(?:=|<>|!=|<=|>=|<|>|\s+LIKE\b|\s+IN\b)/,
  /^\s*where\s+[\w."`[\]]+\s*(?:=|<>|!=|<=|>=|<|>|\s+like\b|\s+in\b)/i,
  /\b(?:AND|OR)\s+[\w."`]+\s*(?:=|<>|!=|LIKE)\s*'?\s*$/,
];

function sameCase(a: string, b: string): boolean {
  return (a === a.toUpperCase() && b === b.toUpperCase()) || (a === a.toLowerCase() && b === b.toLowerCase());
}

/**
 * Whether a string literal's text has the shape of a SQL statement or clause rather than prose that
 * happens to contain a SQL word ("Select one from the list" is prose: mixed-case keywords, no table).
 */
export function looksLikeSql(text: string): boolean {
  const select = SELECT.exec(text);
  if (select && sameCase(select[1] ?? "", select[2] ?? "")) return true;
  return OTHER_SHAPES.some((shape) => shape.test(text));
}
