// What Grafana does with a dashboard's JSON before it asks Prometheus anything, for the dashboard
// test and the previewer: the panels inside rows, template variables and their substitution into a
// query (as Grafana's Prometheus data source formats them), $__interval and $__rate_interval, and
// the pixel boxes of gridPos. Pure functions, no I/O.

/**
 * @typedef {{ type?: string, uid?: string }} DatasourceRef
 * @typedef {{ x: number, y: number, w: number, h: number }} GridPos
 * @typedef {{ color: string, value: number | null }} ThresholdStep
 * @typedef {{ type: string, options: Record<string, { text?: string, color?: string }> }} ValueMapping
 */

/**
 * @typedef {object} PanelTarget
 * @property {string} refId
 * @property {string} [expr]
 * @property {string} [legendFormat]
 * @property {DatasourceRef} [datasource]
 */

/**
 * @typedef {object} FieldDefaults
 * @property {string} [unit]
 * @property {number} [decimals]
 * @property {number} [min]
 * @property {number} [max]
 * @property {{ mode?: string, steps?: ThresholdStep[] }} [thresholds]
 * @property {ValueMapping[]} [mappings]
 * @property {{ thresholdsStyle?: { mode?: string } }} [custom]
 */

/**
 * @typedef {object} Panel
 * @property {number} id
 * @property {string} type `row`, `timeseries`, `stat`…
 * @property {string} title
 * @property {string} [description]
 * @property {GridPos} gridPos
 * @property {DatasourceRef} [datasource]
 * @property {PanelTarget[]} [targets]
 * @property {boolean} [collapsed] a row's
 * @property {Panel[]} [panels] a collapsed row's panels (an open row's follow it)
 * @property {{ defaults?: FieldDefaults }} [fieldConfig]
 * @property {{ colorMode?: string }} [options] a stat's: `value` or `background`
 */

/**
 * @typedef {object} TemplateVariable
 * @property {string} name
 * @property {string} [label] what the variable bar shows
 * @property {string} type `datasource`, `query`, `custom`, `constant`…
 * @property {string | { query?: string }} [query]
 * @property {string} [definition]
 * @property {DatasourceRef} [datasource]
 * @property {boolean} [multi]
 * @property {boolean} [includeAll]
 * @property {string | null} [allValue]
 */

/**
 * @typedef {object} Dashboard
 * @property {string} uid
 * @property {string} title
 * @property {number} schemaVersion
 * @property {Panel[]} panels
 * @property {{ list: TemplateVariable[] }} templating
 * @property {{ from: string, to: string }} [time]
 */

/** Grafana's grid: 24 columns; a height unit is 30 px, with 8 px between cells. */
export const GRID_COLUMNS = 24;
export const GRID_CELL_HEIGHT = 30;
export const GRID_MARGIN = 8;

/**
 * Every panel, rows included, with a collapsed row's panels after it (where Grafana puts them
 * when the row is opened).
 * @param {Dashboard} dashboard
 * @returns {Panel[]}
 */
export function allPanels(dashboard) {
  return dashboard.panels.flatMap((panel) =>
    panel.type === 'row' ? [panel, ...(panel.panels ?? [])] : [panel],
  );
}

/**
 * The panels that query something (not rows, not text).
 * @param {Dashboard} dashboard
 */
export function queryPanels(dashboard) {
  return allPanels(dashboard).filter((panel) => panel.type !== 'row' && panel.targets);
}

// Grafana's own pattern (templateSrv): $name, [[name]], [[name:format]], ${name}, ${name:format}.
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

/**
 * The names of the variables `text` refers to, in order, each once.
 * @param {string} text
 */
export function variableReferences(text) {
  /** @type {Set<string>} */
  const names = new Set();
  for (const match of text.matchAll(VARIABLE)) {
    const name = match[1] ?? match[2] ?? match[4];
    if (name) names.add(name);
  }
  return [...names];
}

/**
 * Replaces the variables of `values` in `text` as Grafana does; any other `$…` (label_replace's
 * `${1}`, say) is left as it is, as Grafana leaves it.
 * @param {string} text
 * @param {Record<string, string>} values
 */
export function interpolate(text, values) {
  return text.replace(VARIABLE, (whole, a, b, _format, c) => {
    const name = a ?? b ?? c;
    return name !== undefined && Object.hasOwn(values, name) ? String(values[name]) : whole;
  });
}

/**
 * A variable's query text (`label_values(show_live, room)`), whichever form the JSON uses.
 * @param {TemplateVariable} variable
 */
export function variableQuery(variable) {
  const { query } = variable;
  return typeof query === 'string' ? query : (query?.query ?? '');
}

/**
 * `label_values(<selector>, <label>)` or `label_values(<label>)`, as Grafana's Prometheus variable
 * queries write them; undefined for any other query.
 * @param {string} query
 * @returns {{ label: string, match?: string } | undefined}
 */
export function parseLabelValues(query) {
  const found = /^\s*label_values\(\s*(?:(.+?)\s*,\s*)?(\w+)\s*\)\s*$/.exec(query);
  if (!found?.[2]) return undefined;
  return found[1] ? { label: found[2], match: found[1] } : { label: found[2] };
}

/**
 * Escapes a value for a PromQL regex matcher inside double quotes, as Grafana's Prometheus data
 * source does for multi-value and "All" variables (`.` becomes `\\.`).
 * @param {string} value
 */
export function promRegexEscape(value) {
  return value.replace(/\\/g, '\\\\\\\\').replace(/[$^*{}[\]'+?.()|]/g, '\\\\$&');
}

/**
 * A variable's text in a query, from the values selected (`'all'` for All), as Grafana's
 * Prometheus data source writes it: one value escaped for a regex, several as `(a|b)`, All as the
 * variable's `allValue` (or all its values).
 * @param {TemplateVariable} variable
 * @param {string[] | 'all'} selected
 * @param {string[]} [options] every value the variable offers (for All without an allValue)
 */
export function variableText(variable, selected, options = []) {
  if (selected === 'all' && variable.allValue) return variable.allValue;
  const values = selected === 'all' ? options : selected;
  if (!variable.multi && !variable.includeAll) {
    return (values[0] ?? '').replace(/\\/g, '\\\\').replace(/'/g, "\\\\'");
  }
  const escaped = values.map(promRegexEscape);
  return escaped.length === 1 ? (escaped[0] ?? '') : `(${escaped.join('|')})`;
}

// Grafana's rangeutil.roundInterval: the interval rounded to one a person would pick (ms).
/** @type {Array<[number, number]>} */
const ROUNDING = [
  [15, 10],
  [35, 20],
  [75, 50],
  [150, 100],
  [350, 200],
  [750, 500],
  [1500, 1000],
  [3500, 2000],
  [7500, 5000],
  [12500, 10000],
  [17500, 15000],
  [25000, 20000],
  [45000, 30000],
  [90000, 60000],
  [210000, 120000],
  [450000, 300000],
  [750000, 600000],
  [1050000, 900000],
  [1500000, 1200000],
  [2700000, 1800000],
  [5400000, 3600000],
  [9000000, 7200000],
  [16200000, 10800000],
  [32400000, 21600000],
  [86400000, 43200000],
  [604800000, 86400000],
];

/** @param {number} ms */
export function roundInterval(ms) {
  for (const [below, rounded] of ROUNDING) if (ms < below) return rounded;
  return 604800000;
}

/** @param {number} seconds as Prometheus reads a duration: whole seconds, or milliseconds */
export function promDuration(seconds) {
  return Number.isInteger(seconds) ? `${seconds}s` : `${Math.round(seconds * 1000)}ms`;
}

/**
 * Grafana's built-in variables for one panel's query: `$__interval` (the range over the panel's
 * data points, rounded, at least the data source's scrape interval), `$__rate_interval`
 * (max(`$__interval` + scrape interval, 4 × scrape interval)) and `$__range`.
 * @param {{ rangeSeconds: number, maxDataPoints: number, scrapeIntervalSeconds: number }} options
 */
export function builtInVariables({ rangeSeconds, maxDataPoints, scrapeIntervalSeconds }) {
  const intervalMs = Math.max(
    roundInterval((rangeSeconds * 1000) / Math.max(1, maxDataPoints)),
    scrapeIntervalSeconds * 1000,
  );
  const interval = intervalMs / 1000;
  const rateInterval = Math.max(interval + scrapeIntervalSeconds, 4 * scrapeIntervalSeconds);
  return {
    intervalSeconds: interval,
    values: {
      __interval: promDuration(interval),
      __interval_ms: String(intervalMs),
      __rate_interval: promDuration(rateInterval),
      __rate_interval_ms: String(Math.round(rateInterval * 1000)),
      __range: promDuration(Math.round(rangeSeconds)),
      __range_s: String(Math.round(rangeSeconds)),
      __range_ms: String(Math.round(rangeSeconds * 1000)),
    },
  };
}

/**
 * The pixel box of a gridPos on a dashboard `width` px wide, as Grafana's grid lays it out.
 * @param {GridPos} gridPos
 * @param {number} width
 */
export function panelBox(gridPos, width) {
  const column = (width - GRID_MARGIN * (GRID_COLUMNS - 1)) / GRID_COLUMNS;
  return {
    left: Math.round(gridPos.x * (column + GRID_MARGIN)),
    top: gridPos.y * (GRID_CELL_HEIGHT + GRID_MARGIN),
    width: Math.round(gridPos.w * column + (gridPos.w - 1) * GRID_MARGIN),
    height: gridPos.h * GRID_CELL_HEIGHT + (gridPos.h - 1) * GRID_MARGIN,
  };
}

/**
 * The height in px of a dashboard's grid.
 * @param {Panel[]} panels
 */
export function gridHeight(panels) {
  const rows = Math.max(0, ...panels.map((p) => p.gridPos.y + p.gridPos.h));
  return rows * (GRID_CELL_HEIGHT + GRID_MARGIN) - GRID_MARGIN;
}

/**
 * Pairs of panels whose gridPos overlap, and panels that go past the grid's 24 columns.
 * @param {Panel[]} panels
 * @returns {string[]} one sentence per problem (none: the layout is sound)
 */
export function layoutProblems(panels) {
  /** @type {string[]} */
  const problems = [];
  const name = (/** @type {Panel} */ p) => `"${p.title}" (id ${p.id})`;
  for (const panel of panels) {
    const { x, y, w, h } = panel.gridPos;
    if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > GRID_COLUMNS) {
      problems.push(`${name(panel)} is outside the grid: ${JSON.stringify(panel.gridPos)}`);
    }
  }
  panels.forEach((a, i) => {
    for (const b of panels.slice(i + 1)) {
      const A = a.gridPos;
      const B = b.gridPos;
      if (A.x < B.x + B.w && B.x < A.x + A.w && A.y < B.y + B.h && B.y < A.y + A.h) {
        problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
  });
  return problems;
}
