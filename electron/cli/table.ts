/**
 * A plain text table for the terminal. Each column lines up as its kind reads best: figures to
 * the right, so that units stand under units; text to the left, so that words start together.
 * `align` says it a column at a time, `r` or `l` (`'lrrl'`): the caller knows what a column
 * holds, where a guess from the cells would take « 3. Nom » or « 45 % (faible) » for the wrong one.
 */
export function renderTable(header: string[], rows: string[][], align: string): string {
  if (align.length !== header.length || /[^lr]/.test(align)) {
    throw new Error(`renderTable: « ${align} » does not give l or r for each of the ${header.length} columns.`);
  }
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
