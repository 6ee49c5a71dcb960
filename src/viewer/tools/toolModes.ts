/** What the left mouse button does: the choices of the tool bar (activateToolMode.ts binds them). */
export type ToolMode = 'navigate' | 'freehand' | 'assisted' | 'spline' | 'ellipse' | 'calibrate' | 'length';
