// RouteSim what-if explorer: edits enforcement on top of the served scenario, asks the server to compare the
// what-if with the scenario (POST api/compare), and shows the measures, the change map and both arms over time.
// The server computes every number; this page only formats and draws them.
"use strict";

const COLOURS = { decrease: "#0072B2", increase: "#D55E00", unclear: "#9a9a9a", scenario: "#444444", whatif: "#E69F00", other: "#7d8790" };
const client = (self.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Math.random()).slice(2);
const $ = id => document.getElementById(id);

let scenario = null;        // GET api/scenario
let nodesById = new Map();
let changes = [];           // [{text, events: [{period, set|add: {id: units}}]}]
let chosen = new Set();
let markers = new Map();    // id -> Leaflet circle marker
let map = null;
let lastResult = null;
let running = null;         // AbortController of the comparison in flight
let charts = [];

// ---- numbers -------------------------------------------------------------------------------------------
function fmt(x) {
  if (x === null || x === undefined || Number.isNaN(x)) return "—";
  const a = Math.abs(x);
  // Below 0.01 (probabilities and their changes) three decimals would show 0.000: keep two significant digits.
  const digits = a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.01 || a === 0 ? 3 : Math.ceil(-Math.log10(a)) + 1;
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
const interval = (lo, hi) => (lo === null || hi === null) ? "" : `[${fmt(lo)}, ${fmt(hi)}]`;
const unit = () => scenario.period_unit;

// ---- enforcement levels: the scenario's allocation and events, then the page's, as the engine applies them ----
function allEvents() {
  const page = changes.flatMap(c => c.events);
  // Stable sort: by period, then as written (the scenario's first), like the engine.
  return [...scenario.enforcement_events, ...page].map((e, i) => [e, i])
    .sort((a, b) => a[0].period - b[0].period || a[1] - b[1]).map(p => p[0]);
}
function level(id, period) {
  let v = scenario.enforcement_allocation[id] || 0;
  for (const e of allEvents()) {
    if (e.period > period) break;
    if (e.set && id in e.set) v = e.set[id];
    if (e.add && id in e.add) v += e.add[id];
  }
  return v;
}

// ---- the request -------------------------------------------------------------------------------------------
function requestBody() {
  return JSON.stringify({
    events: changes.flatMap(c => c.events),
    replications: Number($("replications").value),
    window: [Number($("window-from").value), Number($("window-to").value)],
  });
}
async function failure(response) {
  const text = (await response.text()).trim();
  return `${response.status}: ${text || response.statusText}`;
}
function status(text, isError) {
  $("status").textContent = text;
  $("status").className = "message" + (isError ? " error" : "");
}
function editMessage(text, isError) {
  $("edit-message").textContent = text;
  $("edit-message").className = "message" + (isError ? " error" : "");
}

// ---- map ---------------------------------------------------------------------------------------------------
function positions() {
  const geographic = scenario.nodes.every(n => n.lat !== null && n.lon !== null);
  if (geographic) return { crs: L.CRS.EPSG3857, at: new Map(scenario.nodes.map(n => [n.id, [n.lat, n.lon]])), geographic };
  // Layered layout: column = hops from the nearest origin, rows spread evenly.
  const next = new Map(scenario.nodes.map(n => [n.id, []]));
  for (const e of scenario.edges) next.get(e.from).push(e.to);
  const depth = new Map(scenario.nodes.filter(n => n.kind === "origin").map(n => [n.id, 0]));
  const queue = [...depth.keys()];
  while (queue.length) {
    const id = queue.shift();
    for (const to of next.get(id)) if (!depth.has(to)) { depth.set(to, depth.get(id) + 1); queue.push(to); }
  }
  const columns = new Map();
  for (const n of scenario.nodes) {
    const d = depth.get(n.id) ?? 0;
    if (!columns.has(d)) columns.set(d, []);
    columns.get(d).push(n.id);
  }
  const at = new Map();
  for (const [d, ids] of columns) ids.forEach((id, i) => at.set(id, [-(i + 1) * 100 / (ids.length + 1), d * 60]));
  return { crs: L.CRS.Simple, at, geographic };
}

function drawMap() {
  const { crs, at, geographic } = positions();
  map = L.map("map", { crs, zoomSnap: 0.25, attributionControl: false, preferCanvas: false });
  if (geographic) {
    // No basemap is bundled yet: a graticule gives orientation.
    const lats = scenario.nodes.map(n => n.lat), lons = scenario.nodes.map(n => n.lon);
    const [s, n, w, e] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)];
    const step = Math.max(n - s, e - w) > 20 ? 5 : Math.max(n - s, e - w) > 4 ? 2 : 0.5;
    const style = { color: "#c9d2da", weight: 1, interactive: false };
    for (let y = Math.floor(s / step) * step - step; y <= n + step; y += step) L.polyline([[y, w - 10], [y, e + 10]], style).addTo(map);
    for (let x = Math.floor(w / step) * step - step; x <= e + step; x += step) L.polyline([[s - 10, x], [n + 10, x]], style).addTo(map);
  }
  for (const e of scenario.edges)
    L.polyline([at.get(e.from), at.get(e.to)], { color: "#aab4be", weight: 1, opacity: 0.7, interactive: false }).addTo(map);
  for (const node of scenario.nodes) {
    const crossing = node.kind === "crossing";
    const marker = L.circleMarker(at.get(node.id), {
      radius: crossing ? 6 : 3, color: "#1d2329", weight: 1, fillColor: crossing ? "#ffffff" : COLOURS.other, fillOpacity: 0.95,
      className: `node node-${node.id}`,
    }).addTo(map);
    marker.on("click", () => toggle(node.id));
    marker.bindTooltip(() => tooltip(node), { direction: "top" });
    markers.set(node.id, marker);
  }
  // Frame the crossings, where enforcement acts, and the nodes next to them; origins and markets far inland
  // are a pan away.
  const crossingIds = new Set(scenario.nodes.filter(n => n.kind === "crossing").map(n => n.id));
  const near = new Set(crossingIds);
  for (const e of scenario.edges) if (crossingIds.has(e.from) || crossingIds.has(e.to)) { near.add(e.from); near.add(e.to); }
  const framed = near.size >= 2 ? [...near].map(id => at.get(id)) : [...at.values()];
  map.fitBounds(L.latLngBounds(framed), { padding: [40, 40] });
  map.on("zoomend", () => styleMarkers());
}

// Why a crossing counts as targeted, as comparison_locations.csv's targeted_by says it.
function targetedWords(row) {
  if (!row.targeted) return "";
  const why = { resources: "more resources", deterrence_cost: "a higher deterrence cost", both: "more resources and a higher deterrence cost" }[row.targeted_by];
  return why ? ` (targeted: ${why})` : " (targeted)";
}

function tooltip(node) {
  const period = Number($("period").value);
  let html = `<b>${node.label}</b> (${node.id}, ${node.kind})<br>enforcement from ${unit()} ${period}: ${fmt(level(node.id, period))} units`;
  const row = lastResult && lastResult.locations.find(l => l.location === node.id);
  if (row) html += `<br>flow over the window: scenario ${fmt(row.flow_baseline)}, what-if ${fmt(row.flow_intervention)}` +
    `<br>change ${fmt(row.change)} ${interval(row.change_ci_low, row.change_ci_high)}${targetedWords(row)}`;
  return html;
}

function styleMarkers() {
  const rows = new Map((lastResult ? lastResult.locations : []).map(l => [l.location, l]));
  const biggest = Math.max(1, ...[...rows.values()].map(r => Math.max(r.flow_baseline || 0, r.flow_intervention || 0)));
  for (const [id, marker] of markers) {
    const node = nodesById.get(id);
    const row = rows.get(id);
    const style = { weight: chosen.has(id) ? 3 : 1, color: chosen.has(id) ? "#000000" : "#1d2329", dashArray: null };
    if (row) {
      const clear = row.change_ci_low !== null && (row.change_ci_low > 0 || row.change_ci_high < 0);
      style.fillColor = !clear ? COLOURS.unclear : row.change > 0 ? COLOURS.increase : COLOURS.decrease;
      style.radius = 3 + 13 * Math.sqrt((row.flow_intervention || 0) / biggest);
      if (row.targeted) { style.dashArray = "3 2"; style.weight = Math.max(style.weight, 2); }
    } else if (node.kind === "crossing") {
      style.fillColor = "#ffffff";
      style.radius = 6;
    }
    marker.setStyle(style);
    if (style.radius) marker.setRadius(style.radius);
  }

  // Label the targeted crossings, the five crossings that changed most, then the chosen nodes: right, left, above
  // or below the circle, wherever the label covers no other circle and no label already placed (at this zoom;
  // redone on zooming), else not at all (hovering still tells). A targeted crossing is where the user put the
  // enforcement, so it is labelled even in a crowd, on the side that covers the fewest circles.
  const targeted = lastResult ? lastResult.targeted.filter(id => markers.has(id)) : [];
  const candidates = lastResult ? [...targeted, ...[...rows.values()].sort((a, b) => Math.abs(b.change || 0) - Math.abs(a.change || 0)).slice(0, 5).map(r => r.location)] : [];
  const circles = new Map([...markers].map(([id, m]) => {
    const p = map.latLngToContainerPoint(m.getLatLng()), r = m.getRadius();
    return [id, { x0: p.x - r, x1: p.x + r, y0: p.y - r, y1: p.y + r, p, r }];
  }));
  const labelled = new Map(); // id -> [direction, offset]
  const placed = [];
  const overlaps = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  for (const id of [...candidates, ...chosen]) {
    if (labelled.has(id)) continue;
    const { p, r } = circles.get(id);
    const w = 7 * id.length + 4, g = r + 2;
    const sides = [
      ["right", [g, 0], { x0: p.x + g, x1: p.x + g + w, y0: p.y - 7, y1: p.y + 7 }],
      ["left", [-g, 0], { x0: p.x - g - w, x1: p.x - g, y0: p.y - 7, y1: p.y + 7 }],
      ["top", [0, -g], { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - g - 14, y1: p.y - g }],
      ["bottom", [0, g], { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y + g, y1: p.y + g + 14 }],
    ];
    const covered = box => [...circles].filter(([other, c]) => other !== id && overlaps(box, c)).length;
    const free = sides.filter(([, , box]) => !placed.some(b => overlaps(box, b)));
    const fit = free.find(([, , box]) => covered(box) === 0)
      ?? (targeted.includes(id) && free.length ? free.reduce((a, b) => covered(b[2]) < covered(a[2]) ? b : a) : undefined);
    if (!fit) continue;
    placed.push(fit[2]);
    labelled.set(id, [fit[0], fit[1]]);
  }
  for (const [id, marker] of markers) {
    const node = nodesById.get(id);
    marker.unbindTooltip();
    if (labelled.has(id)) {
      const [direction, offset] = labelled.get(id);
      marker.bindTooltip(node.id, { permanent: true, direction, className: "node-label", offset });
    } else {
      marker.bindTooltip(() => tooltip(node), { direction: "top" });
    }
  }
  $("map-legend").innerHTML = lastResult
    ? `Crossings sized by what-if flow over the window; colour: <span class="swatch" style="background:${COLOURS.increase}"></span>more flow` +
      `<span class="swatch" style="background:${COLOURS.decrease}"></span>less flow` +
      `<span class="swatch" style="background:${COLOURS.unclear}"></span>95% interval includes no change; dashed outline: targeted (more enforcement in the what-if). Chosen nodes: thick outline.`
    : `White: crossings; grey: other nodes; lines: edges. Click nodes to choose them (thick outline).${positions().geographic ? " Background: a graticule (no basemap bundled)." : " Layered layout (the scenario gives no coordinates)."}`;
}

// ---- choosing and editing ----------------------------------------------------------------------------------
function toggle(id) {
  if (chosen.has(id)) chosen.delete(id); else chosen.add(id);
  for (const option of $("chosen").options) option.selected = chosen.has(option.value);
  refresh();
}

function refresh() {
  const period = Number($("period").value);
  const ids = [...chosen];
  $("chosen-levels").textContent = ids.length === 0 ? "No location chosen."
    : `Enforcement from ${unit()} ${period}: ` + ids.map(id => `${id} ${fmt(level(id, period))}`).join("; ") +
      (ids.length > 1 ? `; total ${fmt(ids.reduce((s, id) => s + level(id, period), 0))}` : "") + " units";
  const list = $("changes");
  list.innerHTML = "";
  if (changes.length === 0) list.innerHTML = `<li class="none">none yet: the what-if equals the scenario</li>`;
  changes.forEach((c, i) => {
    const item = document.createElement("li");
    item.textContent = c.text;
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "remove";
    remove.addEventListener("click", () => { changes.splice(i, 1); refresh(); });
    item.appendChild(remove);
    list.appendChild(item);
  });
  styleMarkers();
}

function edit(kind) {
  const period = Number($("period").value);
  const ids = [...chosen];
  if (!Number.isInteger(period) || period < 0 || period >= scenario.periods)
    return editMessage(`The period must be a whole number from 0 to ${scenario.periods - 1}.`, true);
  if (ids.length === 0) return editMessage("Choose at least one location first (click it on the map).", true);
  const amount = field => {
    const text = $(field).value.trim();
    const v = text === "" ? NaN : Number(text);
    return v;
  };
  const units = {};
  let text;
  if (kind === "set" || kind === "add") {
    const v = amount(kind === "set" ? "set-units" : "add-units");
    if (!(v >= 0)) return editMessage("Units must be a number, zero or more.", true);
    ids.forEach(id => units[id] = v);
    changes.push({ text: `from ${unit()} ${period}: ${kind} ${fmt(v)} units at ${ids.join(", ")}`, events: [{ period, [kind]: units }] });
  } else if (kind === "spread") {
    const budget = amount("spread-units");
    if (!(budget >= 0)) return editMessage("The budget must be a number, zero or more.", true);
    const area = ids.reduce((s, id) => s + nodesById.get(id).area, 0);
    ids.forEach(id => units[id] = budget * nodesById.get(id).area / area);
    text = ids.map(id => `${id} ${fmt(units[id])}`).join(", ");
    changes.push({ text: `from ${unit()} ${period}: spread ${fmt(budget)} units by area: ${text}`, events: [{ period, add: units }] });
  } else if (kind === "move") {
    const to = $("move-to").value;
    if (ids.includes(to)) return editMessage(`${to} is among the chosen locations; move to another one.`, true);
    const have = ids.reduce((s, id) => s + level(id, period), 0);
    const typed = $("move-units").value.trim();
    const n = typed === "" ? have : Number(typed);
    if (!(n >= 0)) return editMessage("Units to move must be a number, zero or more (blank: all).", true);
    if (n > have) return editMessage(`The chosen locations have ${fmt(have)} units from ${unit()} ${period}; cannot move ${fmt(n)}.`, true);
    const keep = have === 0 ? 0 : 1 - n / have;
    ids.forEach(id => units[id] = level(id, period) * keep);
    changes.push({
      text: `from ${unit()} ${period}: move ${fmt(n)} units from ${ids.join(", ")} to ${to}`,
      events: [{ period, set: units }, { period, add: { [to]: n } }],
    });
  }
  editMessage("Added. Run the comparison to see what changes.", false);
  refresh();
}

// ---- running -----------------------------------------------------------------------------------------------
async function run() {
  if (running) running.abort(); // a new request replaces the one in flight (the server cancels it too)
  const controller = new AbortController();
  running = controller;
  $("progress").value = 0;
  status("Starting…");
  try {
    const response = await fetch("api/compare?progress=1", {
      method: "POST", body: requestBody(), signal: controller.signal,
      headers: { "Content-Type": "application/json", "X-RouteSim-Client": client },
    });
    if (!response.ok) return status(await failure(response), true);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffered = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffered.indexOf("\n")) >= 0) {
        const message = JSON.parse(buffered.slice(0, end));
        buffered = buffered.slice(end + 1);
        if (message.progress) {
          const p = message.progress;
          $("progress").max = p.total;
          $("progress").value = p.done;
          status(p.waiting ? "Waiting for a free slot on the server…"
            : `Running: ${p.done} of ${p.total} replications (scenario first, then the what-if)…`);
        } else if (message.result) {
          show(message.result);
          status(`Done: ${message.result.replications} replications per arm, seed ${message.result.seed}.`);
        } else if (message.error) {
          status(message.error, true);
        }
      }
    }
  } catch (e) {
    if (e.name !== "AbortError") status(`The comparison failed: ${e.message}`, true);
  } finally {
    if (running === controller) running = null;
  }
}

async function download(path, name, what) {
  status(`Preparing the ${what}…`);
  try {
    const response = await fetch(path, { method: "POST", body: requestBody(), headers: { "Content-Type": "application/json", "X-RouteSim-Client": client + "-download" } });
    if (!response.ok) return status(await failure(response), true);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    status(`Downloaded ${name}.`);
  } catch (e) {
    status(`The download failed: ${e.message}`, true);
  }
}

// ---- results -----------------------------------------------------------------------------------------------
function show(result) {
  lastResult = result;
  const w = result.window;
  $("results-title").textContent = "Results: the what-if against the scenario";
  $("results-line").textContent = `${result.what_if_summary.replace(/^./, c => c.toUpperCase())} Over ${unit()}s ${w[0]} to ${w[1] - 1}; ` +
    `${result.replications} replications per arm, seed ${result.seed}, common random numbers; targeted crossings: ${result.targeted.length ? result.targeted.join(", ") : "none"}.`;

  showMeasures(result.measures);

  const locations = document.querySelector("#locations tbody");
  locations.innerHTML = "";
  const top = [...result.locations].sort((a, b) => Math.abs(b.change || 0) - Math.abs(a.change || 0)).slice(0, 12);
  for (const l of top) {
    const row = locations.insertRow();
    row.dataset.location = l.location;
    if (l.targeted) row.className = "targeted";
    row.insertCell().textContent = `${l.label}${targetedWords(l)}`;
    const cells = [fmt(l.flow_baseline), fmt(l.flow_intervention)];
    cells.forEach(v => { const c = row.insertCell(); c.className = "num"; c.textContent = v; });
    const change = row.insertCell();
    change.className = "num";
    const span = document.createElement("span");
    span.className = l.change > 0 ? "up" : l.change < 0 ? "down" : "";
    span.textContent = `${l.change > 0 ? "+" : ""}${fmt(l.change)}`;
    change.append(span, ` ${interval(l.change_ci_low, l.change_ci_high)}`);
  }
  styleMarkers();
  drawCharts(result);
}

// The measures come as compare writes them: every measure pooled over commodities ("all"), then every measure
// for each commodity. The pooled rows show first; a commodity's rows, or all of them grouped, on request.
function showMeasures(measures) {
  const commodities = [...new Set(measures.map(m => m.commodity))];
  const select = $("measure-commodity");
  const kept = select.value;
  select.innerHTML = "";
  for (const c of commodities) select.add(new Option(c === "all" ? "all commodities, pooled" : c, c));
  if (commodities.length > 1) select.add(new Option("each commodity, grouped", "*"));
  select.value = kept === "*" || commodities.includes(kept) ? kept : commodities[0];
  $("measure-filter").hidden = commodities.length < 2;

  const body = document.querySelector("#measures tbody");
  body.innerHTML = "";
  for (const c of commodities) {
    const group = body.insertRow();
    group.className = "group";
    group.dataset.commodity = c;
    const head = group.insertCell();
    head.colSpan = 4;
    head.textContent = c === "all" ? "All commodities, pooled" : c;
    for (const m of measures.filter(m => m.commodity === c)) {
      const row = body.insertRow();
      row.dataset.measure = m.measure;
      row.dataset.commodity = m.commodity;
      row.title = `${m.measure}: ${m.meaning}`;
      const name = row.insertCell();
      const code = document.createElement("code");
      code.textContent = m.measure;
      name.append(m.label, " ", code);
      [m.estimate === null ? "undefined" : fmt(m.estimate), interval(m.ci_low, m.ci_high)].forEach(v => {
        const cell = row.insertCell();
        cell.className = "num";
        cell.textContent = v;
      });
      const note = row.insertCell();
      note.className = "note";
      note.textContent = m.note;
    }
  }
  filterMeasures();
}
function filterMeasures() {
  const chosen = $("measure-commodity").value;
  for (const row of document.querySelectorAll("#measures tbody tr")) {
    row.hidden = row.classList.contains("group") ? chosen !== "*" : chosen !== "*" && row.dataset.commodity !== chosen;
  }
}

function drawCharts(result) {
  charts.forEach(c => c.destroy());
  charts = [];
  const x = result.series.flow_baseline.map((_, t) => t);
  const shade = u => {
    const [from, to] = result.window;
    const x0 = u.valToPos(from, "x", true), x1 = u.valToPos(to - 1, "x", true);
    u.ctx.save();
    u.ctx.fillStyle = "rgba(31, 95, 139, 0.07)";
    u.ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
    u.ctx.restore();
  };
  for (const [target, a, b, what] of [["flow-chart", "flow_baseline", "flow_what_if", "traversals"], ["deaths-chart", "deaths_baseline", "deaths_what_if", "deaths"]]) {
    const box = $(target);
    box.innerHTML = "";
    const width = Math.max(320, box.clientWidth);
    charts.push(new uPlot({
      width, height: 240,
      scales: { x: { time: false } },
      axes: [{ label: unit() }, { label: what, size: 70 }],
      series: [{ label: unit() }, { label: "scenario", stroke: COLOURS.scenario, width: 1.5 }, { label: "what-if", stroke: COLOURS.whatif, width: 1.5 }],
      hooks: { drawClear: [shade] },
    }, [x, result.series[a], result.series[b]], box));
  }
}

// ---- start -------------------------------------------------------------------------------------------------
async function start() {
  const response = await fetch("api/scenario");
  if (!response.ok) { $("scenario-line").textContent = await failure(response); return; }
  scenario = await response.json();
  nodesById = new Map(scenario.nodes.map(n => [n.id, n]));
  document.title = `${scenario.name}: what-if explorer`;
  $("scenario-line").textContent = `${scenario.name} (${scenario.file}): ${scenario.periods} ${unit()}s, seed ${scenario.seed}. ${scenario.description}`;
  document.querySelectorAll(".unit").forEach(e => e.textContent = unit());
  $("period").max = scenario.periods - 1;
  $("period").value = scenario.enforcement_events.length ? scenario.enforcement_events[0].period : 0;
  $("window-from").value = 0;
  $("window-to").value = scenario.periods;
  $("window-to").max = scenario.periods;
  $("replications").value = scenario.replications;
  $("replications").max = scenario.max_replications;

  const ordered = [...scenario.nodes].sort((a, b) => (a.kind === "crossing" ? 0 : 1) - (b.kind === "crossing" ? 0 : 1) || a.label.localeCompare(b.label));
  for (const n of ordered) {
    $("chosen").add(new Option(`${n.label} (${n.id})`, n.id));
    $("move-to").add(new Option(`${n.label} (${n.id})`, n.id));
  }
  $("chosen").addEventListener("change", () => {
    chosen = new Set([...$("chosen").selectedOptions].map(o => o.value));
    refresh();
  });
  $("period").addEventListener("input", refresh);
  $("do-set").addEventListener("click", () => edit("set"));
  $("do-add").addEventListener("click", () => edit("add"));
  $("do-spread").addEventListener("click", () => edit("spread"));
  $("do-move").addEventListener("click", () => edit("move"));
  $("run").addEventListener("click", run);
  $("measure-commodity").addEventListener("change", filterMeasures);
  $("download-yaml").addEventListener("click", () => download("api/what-if.yaml", "what-if.yaml", "what-if scenario"));
  $("download-zip").addEventListener("click", () => download("api/comparison.zip", `${scenario.file.replace(/\.[^.]*$/, "")}-vs-what-if.zip`, "comparison folder (both arms are run again and written; this takes a little longer)"));
  drawMap();
  refresh();
  document.body.dataset.ready = "true";
}

start().catch(e => { $("scenario-line").textContent = `The page could not start: ${e.message}`; });
