/** The shortcut table shown by the help overlay; App.vue's key handler implements the same keys. */
export const SHORTCUTS = [
  { keys: '↑ / ↓ or PageUp / PageDown', action: 'Previous / next slice or frame' },
  { keys: 'Home / End', action: 'First / last slice or frame' },
  { keys: 'Space', action: 'Play / pause cine' },
  { keys: 'I', action: 'Invert' },
  { keys: '+ / −', action: 'Zoom in / out' },
  { keys: 'F', action: 'Fit image to viewport' },
  { keys: 'R', action: 'Reset window/level, zoom and pan' },
  { keys: '1 / 2', action: 'Single layout / Left | Right comparison' },
  { keys: 'S', action: 'Swap left and right viewports' },
  { keys: 'V', action: 'Tool: select / window/level — drag an outline or handle to edit it' },
  { keys: 'T / P / E / L / C', action: 'Tool: freehand trace, spline, ellipse (D1×D2), length, calibrate — a press always draws a new one' },
  { keys: 'A', action: 'Tool: assisted trace — click points around the nerve, the outline snaps to the rim; first point, double click or Enter closes; Backspace takes back a click' },
  { keys: 'H', action: 'Hide / show outlines and labels' },
  { keys: 'Ctrl+Z / Ctrl+Y', action: 'Undo / redo a measurement change' },
  { keys: 'Delete', action: 'Delete the selected measurement' },
  { keys: 'Esc', action: 'Cancel the trace being drawn; close dialogs' },
  { keys: 'O', action: 'Open files' },
  { keys: '?', action: 'Show or hide this help' },
] as const;

export const MOUSE_ACTIONS = [
  { gesture: 'Left drag', action: 'Select / WL tool: on an outline or handle, edit it; elsewhere window/level. Drawing tools: draw a new outline' },
  { gesture: 'Middle drag', action: 'Pan' },
  { gesture: 'Right drag', action: 'Zoom' },
  { gesture: 'Wheel', action: 'Scroll slices / frames' },
  { gesture: 'Drop files or folders', action: 'Open them (anywhere on the page)' },
] as const;
