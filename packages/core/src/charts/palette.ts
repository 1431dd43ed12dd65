// Colours chosen for at least 4.5:1 contrast against white (WCAG AA for text), because series
// names and values are drawn in their series colour; test/charts/palette.test.ts checks each one.
// Lines also differ by dash pattern, so a reader who cannot tell the colours apart can tell the lines.

/** Series colours, in order of use. */
export const SERIES_COLOURS = [
  "#1f4e9c", // blue
  "#b3261e", // red
  "#1b6e20", // green
  "#6a3d9a", // purple
  "#8a4b00", // brown
  "#005f73", // teal
  "#a1006b", // magenta
  "#44546a", // slate
] as const;

/** Dash patterns paired with the colours (the first series is solid). */
export const SERIES_DASHES = ["", "6 3", "2 3", "8 3 2 3", "4 4", "1 2", "10 4", "3 2 1 2"] as const;

/** Axis labels and values. */
export const TEXT_COLOUR = "#1f2933";
/** Tick labels: still 4.5:1 on white. */
export const MUTED_TEXT_COLOUR = "#595959";
/** Grid lines carry no text, so they may be light. */
export const GRID_COLOUR = "#e3e6ea";

export const colourAt = (index: number): string => SERIES_COLOURS[index % SERIES_COLOURS.length]!;
export const dashAt = (index: number): string => SERIES_DASHES[index % SERIES_DASHES.length]!;

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
