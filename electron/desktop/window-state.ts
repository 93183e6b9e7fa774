/**
 * The window's size and position, remembered in a small JSON file in the data folder. A file that
 * is missing, unreadable or describes a window no longer on any screen (an unplugged monitor)
 * gives the default size, centred.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 800, height: 560 };

const stateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(MIN_SIZE.width).max(20_000),
  height: z.number().int().min(MIN_SIZE.height).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof stateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when at least 100×50 pixels of the window's top part lie on one of the screens. */
function isVisible(state: WindowState, workAreas: Rectangle[]): boolean {
  if (state.x === undefined || state.y === undefined) return true;
  const { x, y, width } = state;
  return workAreas.some((area) => {
    const overlapX = Math.min(x + width, area.x + area.width) - Math.max(x, area.x);
    const overlapY = Math.min(y + 50, area.y + area.height) - Math.max(y, area.y);
    return overlapX >= 100 && overlapY >= 50;
  });
}

export function loadWindowState(path: string, workAreas: Rectangle[]): WindowState {
  const fallback: WindowState = { ...DEFAULT_SIZE, maximized: false };
  let parsed: WindowState;
  try {
    parsed = stateSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return fallback;
  }
  if (!isVisible(parsed, workAreas)) return { width: parsed.width, height: parsed.height, maximized: parsed.maximized };
  return parsed;
}

export function saveWindowState(path: string, state: WindowState): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify(state, null, 2) + '\n');
  } catch {
    // Forgetting the window's place is no reason to stop the app from closing.
  }
}
