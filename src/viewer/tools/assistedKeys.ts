/**
 * Keys for the assisted trace in progress (Esc, Enter, Backspace), reachable from the page's key
 * handler without loading Cornerstone: the tool fills these in when it loads. Each returns true
 * when a trace was in progress and the key was used.
 */
export const assistedKeys = {
  cancel: (): boolean => false,
  close: (): boolean => false,
  undoClick: (): boolean => false,
};
