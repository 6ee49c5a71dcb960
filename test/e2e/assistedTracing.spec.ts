/**
 * Issue 17 — assisted tracing in Chromium: six clicks around a realistic phantom nerve give an
 * outline that follows its rim, stored (area from the domain) within a stated tolerance of the
 * phantom's true area; the result is an ordinary trace: edited with Select, undone in one step.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SAMPLE_DIR, expectPainted, screenshot, trackPageErrors } from './helpers';
import { chooseTool, imageToClient, numberIn } from './measure';

interface PhantomEntry {
  id: string;
  file: string;
  rim: string;
  outline: [number, number][];
  areaMm2: number;
  circumferenceMm: number;
}

function phantom(id: string): PhantomEntry {
  const manifest = JSON.parse(readFileSync(`${SAMPLE_DIR}manifest.json`, 'utf8')) as { tracingPhantoms: { files: PhantomEntry[] } };
  const found = manifest.tracingPhantoms.files.find((f) => f.id === id);
  if (!found) throw new Error(`phantom ${id} missing from the manifest`);
  return found;
}

/**
 * Tolerance of the stored area against the phantom's truth with six exact clicks: the 95th
 * percentile target (8 %). The benchmark (bench/tracing-results.md) gives the spread over all
 * phantoms with click error; this phantom has a clear rim.
 */
const AREA_TOLERANCE = 0.08;
const CLICKS = 6;

const items = (page: Page) => page.getByTestId('measurement-item');

async function openPhantom(page: Page, entry: PhantomEntry) {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([`${SAMPLE_DIR}${entry.file}`]);
  await expect(page.getByTestId('series-item').first()).toBeVisible();
  await page.getByTestId('series-item').first().click();
  await expectPainted(page);
}

/** The stored outline as drawn on the page (client coordinates): the longest polyline of the SVG layer. */
async function drawnOutline(page: Page): Promise<{ x: number; y: number }[]> {
  return page.locator('svg.svg-layer').first().evaluate((svg) => {
    const box = svg.getBoundingClientRect();
    let best: { x: number; y: number }[] = [];
    // Cornerstone draws outlines as <polyline points> or <path d> (numbers in x, y pairs).
    for (const line of svg.querySelectorAll('polyline, path')) {
      const numbers = (line.getAttribute('points') ?? line.getAttribute('d') ?? '').match(/-?[0-9]+(?:\.[0-9]+)?/g)?.map(Number) ?? [];
      const pts: { x: number; y: number }[] = [];
      for (let i = 0; i + 1 < numbers.length; i += 2) pts.push({ x: numbers[i]! + box.left, y: numbers[i + 1]! + box.top });
      if (pts.length > best.length) best = pts;
    }
    return best;
  });
}

/**
 * Clicks at a person's pace: move there, click, pause. Cornerstone holds a click up to 400 ms to
 * tell it from a double click, so a key pressed sooner would reach the trace before the click.
 */
async function clickAt(page: Page, x: number, y: number) {
  const p = await imageToClient(page, x, y);
  await page.mouse.move(p.x - 8, p.y - 5, { steps: 3 });
  await page.mouse.move(p.x, p.y, { steps: 3 });
  await page.mouse.click(p.x, p.y);
  await page.waitForTimeout(450);
}

test('Assisted: six clicks around a phantom nerve store an area within 8 % of the truth; Select edits it, undo undoes it', async ({ page }) => {
  const errors = trackPageErrors(page);
  const entry = phantom('phantom-tibial-oval-02');
  await openPhantom(page, entry);

  // Key A chooses the tool (and the toolbar button shows it); the hint says how to use it.
  await page.keyboard.press('a');
  await expect(page.getByTestId('tool-assisted')).toHaveAttribute('aria-pressed', 'true');
  await chooseTool(page, 'navigate');
  await chooseTool(page, 'assisted');
  await expect(page.getByTestId('tool-hint')).toContainText('Click points or drag loosely round the nerve');

  const n = entry.outline.length;
  const clicks = Array.from({ length: CLICKS }, (_, k) => entry.outline[Math.round((k * n) / CLICKS) % n]!);
  for (const [x, y] of clicks) await clickAt(page, x, y);
  // The live path is drawn while the pointer moves between clicks.
  await expect(page.locator('svg.svg-layer polyline, svg.svg-layer path').first()).toBeVisible();
  await screenshot(page, 'assisted-before-close');
  // Clicking the first point again closes the outline: it is stored as one measurement.
  await clickAt(page, clicks[0]![0], clicks[0]![1]);
  await expect(items(page)).toHaveCount(1);
  const stored = (await items(page).first().textContent())!;
  const area = numberIn(stored, 'mm²');
  expect(Math.abs(area - entry.areaMm2) / entry.areaMm2, `area ${area} mm² vs truth ${entry.areaMm2} mm²`).toBeLessThan(AREA_TOLERANCE);
  await screenshot(page, 'assisted-closed');

  // An ordinary trace: with Select, pull a stretch of the outline outwards (Cornerstone's freehand
  // edit: press on the drawn outline, draw the new border, end back on it).
  await chooseTool(page, 'navigate');
  const drawn = await drawnOutline(page);
  expect(drawn.length).toBeGreaterThan(20);
  const nearest = async (x: number, y: number) => {
    const c = await imageToClient(page, x, y);
    let best = 0;
    drawn.forEach((p, i) => {
      if (Math.hypot(p.x - c.x, p.y - c.y) < Math.hypot(drawn[best]!.x - c.x, drawn[best]!.y - c.y)) best = i;
    });
    return best;
  };
  const from = await nearest(...entry.outline[Math.round(n * 0.2)]!);
  const to = await nearest(...entry.outline[Math.round(n * 0.3)]!);
  const centre = drawn.reduce((s, p) => ({ x: s.x + p.x / drawn.length, y: s.y + p.y / drawn.length }), { x: 0, y: 0 });
  const outwards = (p: { x: number; y: number }, d: number) => {
    const len = Math.hypot(p.x - centre.x, p.y - centre.y);
    return { x: p.x + ((p.x - centre.x) / len) * d, y: p.y + ((p.y - centre.y) / len) * d };
  };
  const m = drawn.length;
  const span = (to - from + m) % m;
  await page.mouse.move(drawn[from]!.x, drawn[from]!.y);
  await page.mouse.down();
  for (let k = 1; k < span; k += Math.max(1, Math.floor(span / 10))) {
    const p = outwards(drawn[(from + k) % m]!, 15);
    await page.mouse.move(p.x, p.y, { steps: 2 });
  }
  // End clearly back across the outline (6 px inside): Cornerstone joins the new border where it
  // crosses back, and ending only 2 px inside an outline with a small bend there made a loop.
  const back = outwards(drawn[to]!, -6);
  await page.mouse.move(back.x, back.y, { steps: 3 });
  await page.mouse.up();
  await expect.poll(async () => items(page).first().textContent()).not.toBe(stored);
  const edited = (await items(page).first().textContent())!;
  expect(numberIn(edited, 'mm²')).toBeGreaterThan(area);
  await screenshot(page, 'assisted-edited');

  // Undo: first the edit, then the assisted trace itself, each one step.
  await page.keyboard.press('Control+z');
  await expect(items(page).first()).toHaveText(stored);
  await page.keyboard.press('Control+z');
  await expect(items(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Assisted: Esc drops the trace in progress; Backspace takes back a click; Enter closes', async ({ page }) => {
  const entry = phantom('phantom-common-peroneal-oval-01');
  await openPhantom(page, entry);
  await chooseTool(page, 'assisted');
  const n = entry.outline.length;
  const at = (f: number) => entry.outline[Math.round(n * f) % n]!;
  await clickAt(page, ...at(0));
  await clickAt(page, ...at(0.3));
  await page.keyboard.press('Escape');
  await clickAt(page, ...at(0.6));
  // The Esc'd clicks are gone: a new trace started at 0.6; with four more clicks (one taken back) and Enter it closes.
  await clickAt(page, ...at(0.75));
  await clickAt(page, ...at(0.5));
  await page.keyboard.press('Backspace');
  await clickAt(page, ...at(0.9));
  await clickAt(page, ...at(0.1));
  await clickAt(page, ...at(0.35));
  await page.keyboard.press('Enter');
  await expect(items(page)).toHaveCount(1);
  const area = numberIn(await items(page).first().textContent(), 'mm²');
  // Five clicks spread round the nerve, the one at 0.5 taken back: near the truth (the benchmark's
  // 95th percentile with five clicks is ~13 %), not a fragment of the Esc'd trace.
  expect(Math.abs(area - entry.areaMm2) / entry.areaMm2, `area ${area} vs ${entry.areaMm2}`).toBeLessThan(0.15);
  await screenshot(page, 'assisted-keys');
});

/** The true outline pushed in and out by `wobblePx` image pixels (a loose hand), from fraction `from` to `to` of the way round. */
function looseStretch(entry: PhantomEntry, from: number, to: number, wobblePx: number): [number, number][] {
  const n = entry.outline.length;
  const cx = entry.outline.reduce((s, p) => s + p[0], 0) / n;
  const cy = entry.outline.reduce((s, p) => s + p[1], 0) / n;
  const out: [number, number][] = [];
  // Every 4th outline point: a drag's mouse moves come a few pixels apart, as a hand's do.
  for (let k = Math.round(from * n); k <= Math.round(to * n); k += 4) {
    const [x, y] = entry.outline[k % n]!;
    const r = Math.hypot(x - cx, y - cy);
    const push = wobblePx * Math.sin((k / n) * 2 * Math.PI * 5);
    out.push([x + ((x - cx) / r) * push, y + ((y - cy) / r) * push]);
  }
  return out;
}

async function dragThrough(page: Page, path: [number, number][]) {
  const start = await imageToClient(page, ...path[0]!);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (const [x, y] of path.slice(1)) {
    const p = await imageToClient(page, x, y);
    await page.mouse.move(p.x, p.y, { steps: 2 });
  }
  await page.mouse.up();
}

test('Assisted: a loose drag round the nerve is traced to the rim; a drag ending elsewhere waits, one ending at its start closes', async ({ page }) => {
  const errors = trackPageErrors(page);
  const entry = phantom('phantom-tibial-oval-02');
  await openPhantom(page, entry);
  await chooseTool(page, 'assisted');

  // Half way round, 2 px in and out of the true border: nothing is stored, the trace waits.
  await dragThrough(page, looseStretch(entry, 0, 0.5, 2));
  await page.waitForTimeout(300);
  await expect(items(page)).toHaveCount(0);
  await expect(page.locator('svg.svg-layer polyline, svg.svg-layer path').first()).toBeVisible();
  await screenshot(page, 'assisted-drag-half');

  // The second half, let go where the trace began: closed and stored, near the true area.
  await dragThrough(page, looseStretch(entry, 0.5, 1, 2));
  await expect(items(page)).toHaveCount(1);
  const area = numberIn(await items(page).first().textContent(), 'mm²');
  expect(Math.abs(area - entry.areaMm2) / entry.areaMm2, `area ${area} mm² vs truth ${entry.areaMm2} mm²`).toBeLessThan(AREA_TOLERANCE);
  await screenshot(page, 'assisted-drag-closed');

  // One gesture, one step: undo removes the whole dragged trace.
  await page.keyboard.press('Control+z');
  await expect(items(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('Assisted: while the outline closes, "Closing…" is shown and nothing is stored until it is done; Esc then cancels it', async ({ page }) => {
  const errors = trackPageErrors(page);
  const entry = phantom('phantom-tibial-oval-02');
  // 1 ms closing slices (a test seam): closing spans many frames on any machine (1.2 s here).
  await page.goto('./?assistedSliceMs=1');
  await page.getByTestId('file-input').setInputFiles([`${SAMPLE_DIR}${entry.file}`]);
  await page.getByTestId('series-item').first().click();
  await expectPainted(page);
  await chooseTool(page, 'assisted');
  const n = entry.outline.length;
  const clickRound = async () => {
    for (let k = 0; k < 5; k++) await clickAt(page, ...entry.outline[Math.round((k * n) / 5) % n]!);
  };
  const notice = page.getByTestId('tool-notice');

  // Enter closes: the notice is up while the rim is searched, and the trace is not stored yet.
  await clickRound();
  const closeStarted = Date.now();
  await page.keyboard.press('Enter');
  await expect(notice).toHaveText('Closing the outline… (Esc cancels)');
  expect(await items(page).count()).toBe(0);
  await screenshot(page, 'assisted-closing');
  // Then it is stored, and the notice goes.
  await expect(items(page)).toHaveCount(1);
  const closingMs = Date.now() - closeStarted;
  await expect(notice).toHaveCount(0);
  const area = numberIn(await items(page).first().textContent(), 'mm²');
  expect(Math.abs(area - entry.areaMm2) / entry.areaMm2, `area ${area} vs ${entry.areaMm2}`).toBeLessThan(AREA_TOLERANCE);

  // A second trace, cancelled with Esc while it closes: nothing is recorded, then or later.
  await clickRound();
  await page.keyboard.press('Enter');
  await expect(notice).toHaveText('Closing the outline… (Esc cancels)');
  await page.keyboard.press('Escape');
  await expect(notice).toHaveText('Assisted trace cancelled; nothing was recorded.');
  await page.waitForTimeout(2 * closingMs); // twice as long as the whole closing took above
  await expect(items(page)).toHaveCount(1);
  expect(errors).toEqual([]);
});
