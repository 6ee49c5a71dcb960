/**
 * Everything the CLI prints goes through here (runCli wraps its output): text from DICOM files,
 * session files and the command line itself (a path, a label) must not drive the user's terminal.
 * Control characters (C0 except newline and tab, a carriage return not ending a line, DEL, C1 —
 * which includes the one-byte CSI of ANSI escapes) and the bidirectional overrides that can make
 * a line read differently from what it holds are shown as "?". ESC becomes "?", so "\x1b[2J"
 * prints as the harmless text "?[2J".
 */

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
// eslint-disable-next-line no-control-regex
const LINE_BREAKS_AND_TABS = /[\n\r\t]/g;

/** Text safe for a terminal: line ends (\n, \r\n) and tabs kept, every other control character "?". */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_IN_TEXT, '?');
}

/** One cell or value on one line (tables, "Key: value" lines): line breaks and tabs too become "?". */
export function printable(text: string): string {
  return terminalSafe(text).replace(LINE_BREAKS_AND_TABS, '?');
}

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON output: JSON.stringify already escapes C0 controls; the others are escaped as \uXXXX too,
 * so the data stay exactly what they were while the terminal sees only plain characters.
 */
export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
