// The line chart's legend: a short stroke in each series' colour and dash, then its (escaped) name,
// wrapped onto as many rows as the width needs, so the plot starts below the last row.
import { escapeMarkup, truncate } from "./escape";
import { colourAt, dashAt } from "./palette";

const ROW = 18;
/** An average glyph width at 12 px: enough to keep names from overlapping. */
const GLYPH = 7;

export function legend(
  names: readonly string[],
  left: number,
  right: number,
): { svg: string[]; height: number } {
  const svg: string[] = [];
  let [x, row] = [left, 0];
  names.forEach((full, index) => {
    const name = truncate(full, 28);
    const span = 30 + name.length * GLYPH;
    if (x > left && x + span > right) [x, row] = [left, row + 1];
    const y = 14 + row * ROW;
    const dash = dashAt(index);
    svg.push(
      `<line x1="${x}" x2="${x + 18}" y1="${y}" y2="${y}" stroke="${colourAt(index)}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
      `<text x="${x + 22}" y="${y}" dy="0.32em">${escapeMarkup(name)}</text>`,
    );
    x += span + 12;
  });
  return { svg, height: names.length === 0 ? 0 : (row + 1) * ROW };
}
