// The previewer's page: a dashboard's panels at their gridPos, in Grafana's dark colours, drawn
// from series already asked of Prometheus (time series as SVG lines with a legend, stats as big
// numbers), under a line saying what it is and is not. Pure: data in, HTML out.
import { GRID_CELL_HEIGHT, gridHeight, panelBox } from './grafana-dashboard.mjs';
import {
  PALETTE,
  axisTicks,
  cssColor,
  formatValue,
  seriesPath,
  statDisplay,
} from './panel-drawing.mjs';

/**
 * @typedef {object} DrawnSeries
 * @property {string} name its legend name
 * @property {Array<[number, number]>} points time (s) and value
 */

/**
 * @typedef {object} PanelData what Prometheus answered for one panel
 * @property {DrawnSeries[]} series
 * @property {number} step seconds between samples
 * @property {string} [error] a query's error, shown in the panel
 */

/**
 * @typedef {object} DashboardPageOptions
 * @property {import('./grafana-dashboard.mjs').Dashboard} dashboard
 * @property {import('./grafana-dashboard.mjs').Panel[]} panels every panel, rows included
 * @property {Map<number, PanelData>} data by panel id
 * @property {number} width the grid's width in px
 * @property {number} start first time shown (s)
 * @property {number} end last time shown (s)
 * @property {Array<{ label: string, text: string }>} variables as the variable bar shows them
 * @property {string} note the line at the top: what this is, and that it is not Grafana
 */

const PADDING = 16;
const TITLE_HEIGHT = 28;
const AXIS_HEIGHT = 18;
const LEGEND_LINE = 17;

/** @param {string} text */
function escape(text) {
  return text.replace(
    /[&<>"']/g,
    (c) =>
      /** @type {Record<string, string>} */ ({
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&#39;',
      })[c] ?? c,
  );
}

/**
 * A time as the axis shows it, in UTC: hours and minutes, and seconds when ticks are closer.
 * @param {number} seconds
 * @param {boolean} [withSeconds]
 */
function clock(seconds, withSeconds = false) {
  return new Date(seconds * 1000).toISOString().slice(11, withSeconds ? 19 : 16);
}

/**
 * Time ticks every 10 or 30 s, or 1, 2, 5, 10, 15, 30 or 60 minutes: about six across.
 * @param {number} start
 * @param {number} end
 */
function timeTicks(start, end) {
  const steps = [10, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const step = steps.find((s) => (end - start) / s <= 6) ?? 3600;
  /** @type {string[]} */
  const labels = [];
  /** @type {number[]} */
  const ticks = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
    ticks.push(t);
    labels.push(clock(t, step < 60));
  }
  return { ticks, labels };
}

/**
 * Legend entries laid in lines, as wide as the panel allows (about 6.6 px a character): each line
 * the indexes of its series.
 * @param {string[]} names
 * @param {number} width
 */
function legendLines(names, width) {
  /** @type {number[][]} */
  const lines = [[]];
  let used = 0;
  names.forEach((name, index) => {
    const size = 26 + name.length * 6.6;
    if (used + size > width && (lines.at(-1)?.length ?? 0) > 0) {
      lines.push([]);
      used = 0;
    }
    lines.at(-1)?.push(index);
    used += size;
  });
  return lines;
}

/**
 * @param {import('./grafana-dashboard.mjs').Panel} panel
 * @param {PanelData | undefined} data
 * @param {{ width: number, height: number }} box
 * @param {{ start: number, end: number }} range
 */
function timeseries(panel, data, box, range) {
  const defaults = panel.fieldConfig?.defaults ?? {};
  const series = data?.series ?? [];
  const names = series.map((s) => s.name);
  const lines = legendLines(names, box.width - 16);
  const legendHeight = series.length > 0 ? lines.length * LEGEND_LINE + 4 : 0;
  const height = box.height - TITLE_HEIGHT - AXIS_HEIGHT - legendHeight - 8;
  const values = series.flatMap((s) => s.points.map(([, v]) => v));
  const low = defaults.min ?? Math.min(0, ...values);
  const high = Math.max(low, ...values);
  const ticks = axisTicks(low, high > low ? high : low + 1, {
    unit: defaults.unit,
    decimals: defaults.decimals,
    count: height > 140 ? 5 : 4,
  });
  const labels = ticks.map((tick) => formatValue(tick, defaults.unit, defaults.decimals));
  // As wide as the longest tick label, as Grafana sizes its axis.
  const axis = 12 + Math.max(...labels.map((label) => label.length)) * 6;
  const plot = { width: box.width - axis - 14, height };
  const frame = {
    ...plot,
    start: range.start,
    end: range.end,
    min: ticks[0] ?? low,
    max: ticks.at(-1) ?? high,
  };
  const y = (/** @type {number} */ v) =>
    plot.height - ((v - frame.min) / (frame.max - frame.min || 1)) * plot.height;
  const x = (/** @type {number} */ t) =>
    ((t - range.start) / (range.end - range.start || 1)) * plot.width;
  const parts = [];
  ticks.forEach((tick, i) => {
    parts.push(
      `<line x1="0" x2="${plot.width}" y1="${y(tick)}" y2="${y(tick)}" class="grid"/>`,
      `<text x="-6" y="${y(tick) + 4}" class="axis" text-anchor="end">${escape(labels[i] ?? '')}</text>`,
    );
  });
  const times = timeTicks(range.start, range.end);
  times.ticks.forEach((tick, i) => {
    parts.push(
      `<line x1="${x(tick)}" x2="${x(tick)}" y1="0" y2="${plot.height}" class="grid"/>`,
      `<text x="${x(tick)}" y="${plot.height + 14}" class="axis" text-anchor="middle">${times.labels[i]}</text>`,
    );
  });
  const style = defaults.custom?.thresholdsStyle?.mode ?? 'off';
  if (style !== 'off') {
    for (const step of defaults.thresholds?.steps ?? []) {
      if (step.value === null || step.value < frame.min || step.value > frame.max) continue;
      parts.push(
        `<line x1="0" x2="${plot.width}" y1="${y(step.value)}" y2="${y(step.value)}" stroke="${cssColor(step.color)}" stroke-dasharray="${style.includes('dashed') ? '6 4' : ''}" stroke-width="1"/>`,
      );
    }
  }
  series.forEach((s, i) => {
    parts.push(
      `<path d="${seriesPath(s.points, frame, data?.step ?? 1)}" fill="none" stroke="${PALETTE[i % PALETTE.length]}" stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round"/>`,
    );
  });
  const empty = data?.error ?? (values.length === 0 ? 'No data' : undefined);
  const legend = lines
    .map(
      (line) =>
        `<div class="legend-line">${line
          .map((index) => {
            const color = PALETTE[index % PALETTE.length];
            return `<span class="legend-item"><i style="background:${color}"></i>${escape(names[index] ?? '')}</span>`;
          })
          .join('')}</div>`,
    )
    .join('');
  return `<svg width="${box.width - 8}" height="${plot.height + AXIS_HEIGHT}" class="plot">
  <g transform="translate(${axis},2)">${parts.join('')}</g>
</svg>${empty ? `<div class="empty">${escape(empty)}</div>` : ''}<div class="legend">${legend}</div>`;
}

/**
 * @param {import('./grafana-dashboard.mjs').Panel} panel
 * @param {PanelData | undefined} data
 * @param {{ width: number, height: number }} box
 */
function stat(panel, data, box) {
  const defaults = panel.fieldConfig?.defaults ?? {};
  const series = data?.series ?? [];
  if (data?.error || series.length === 0) {
    return `<div class="empty">${escape(data?.error ?? 'No data')}</div>`;
  }
  const height = box.height - TITLE_HEIGHT - 10;
  const size = Math.max(18, Math.min(40, height * 0.42, (box.width / series.length) * 0.28));
  const tiles = series.map((s) => {
    const last = s.points.at(-1)?.[1];
    const shown =
      last === undefined
        ? { text: 'No data', color: cssColor('text') }
        : statDisplay(last, defaults);
    const colors =
      panel.options?.colorMode === 'background'
        ? `background:${shown.color};color:#fff`
        : `color:${shown.color}`;
    return `<div class="tile" style="${colors}">
  <div class="tile-name">${escape(s.name)}</div>
  <div class="tile-value" style="font-size:${Math.round(size)}px">${escape(shown.text)}</div>
</div>`;
  });
  return `<div class="tiles" style="height:${height}px">${tiles.join('')}</div>`;
}

/**
 * The whole page.
 * @param {DashboardPageOptions} options
 */
export function dashboardPage({ dashboard, panels, data, width, start, end, variables, note }) {
  const drawn = panels.map((panel) => {
    const box = panelBox(panel.gridPos, width);
    const position = `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
    if (panel.type === 'row') {
      return `<div class="row" style="${position}">${escape(panel.title)}</div>`;
    }
    const inside =
      panel.type === 'stat'
        ? stat(panel, data.get(panel.id), box)
        : timeseries(panel, data.get(panel.id), box, { start, end });
    return `<section class="panel" style="${position}">
  <h2>${escape(panel.title)}</h2>${inside}
</section>`;
  });
  const bar = variables
    .map((v) => `<span class="var"><b>${escape(v.label)}</b>${escape(v.text)}</span>`)
    .join('');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escape(dashboard.title)}</title><style>
  * { box-sizing: border-box; }
  body { margin: 0; padding: ${PADDING}px; width: ${width + 2 * PADDING}px; background: #111217;
    color: #ccccdc; font: 12px/1.4 Inter, "Helvetica Neue", Arial, sans-serif; }
  .note { font-size: 11px; color: #8e8e99; margin-bottom: 8px; }
  .note code { color: #b8b8c4; }
  header { display: flex; align-items: baseline; gap: 16px; margin-bottom: 12px; flex-wrap: wrap; }
  h1 { font-size: 18px; font-weight: 500; margin: 0; color: #e8e8ee; }
  .var { display: inline-flex; border: 1px solid #2c3235; border-radius: 2px; margin-right: 8px;
    padding-right: 8px; }
  .var b { font-weight: 500; background: #22252b; padding: 3px 8px; margin-right: 8px;
    color: #6e9fff; }
  .grid { position: relative; height: ${gridHeight(panels)}px; }
  .row { position: absolute; font-size: 14px; font-weight: 500; color: #e8e8ee;
    line-height: ${GRID_CELL_HEIGHT}px; }
  .row::before { content: "⌄ "; color: #8e8e99; }
  .panel { position: absolute; background: #181b1f; border: 1px solid #25282d; border-radius: 2px;
    padding: 0 4px 4px; overflow: hidden; }
  .panel h2 { font-size: 13px; font-weight: 500; margin: 0; height: ${TITLE_HEIGHT}px;
    line-height: ${TITLE_HEIGHT}px; padding-left: 4px; color: #e8e8ee; white-space: nowrap; }
  .plot { display: block; overflow: visible; }
  .plot .grid { stroke: #2c3035; stroke-width: 1; }
  .plot .axis { fill: #8e8e99; font-size: 10.5px; }
  .empty { position: absolute; inset: ${TITLE_HEIGHT}px 0 0 0; display: flex; align-items: center;
    justify-content: center; color: #8e8e99; font-size: 14px; pointer-events: none; }
  .legend { padding: 2px 0 0 8px; }
  .legend-line { height: ${LEGEND_LINE}px; white-space: nowrap; }
  .legend-item { margin-right: 14px; color: #ccccdc; font-size: 11.5px; }
  .legend-item i { display: inline-block; width: 14px; height: 4px; border-radius: 2px;
    margin-right: 6px; vertical-align: middle; }
  .tiles { display: flex; gap: 4px; padding: 0 2px; }
  .tile { flex: 1; border-radius: 2px; display: flex; flex-direction: column;
    justify-content: center; align-items: center; color: #fff; min-width: 0; }
  .tile-name { font-size: 12px; opacity: 0.9; white-space: nowrap; overflow: hidden;
    text-overflow: ellipsis; max-width: 100%; padding: 0 6px; }
  .tile-value { font-weight: 500; line-height: 1.1; }
</style></head><body>
<div class="note">${note}</div>
<header><h1>${escape(dashboard.title)}</h1><div>${bar}</div></header>
<div class="grid">
${drawn.join('\n')}
</div>
</body></html>
`;
}
