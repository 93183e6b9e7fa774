/**
 * Where the end of a text falls, in the terms a message gives the user: the line breaks before it
 * (CRLF, LF or a lone CR, as an editor counts them) and the column (1-based cell, separators
 * inside quoted fields not counted). The text starts at the start of a record.
 */
export function locateInText(text: string, separator: string): { breaks: number; column: number } {
  let breaks = 0;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      breaks++;
      if (!quoted) column = 1;
    } else if (c === separator && !quoted) column++;
  }
  return { breaks, column };
}
