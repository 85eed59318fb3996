// Tiny SVG charts for the dashboard: no library, nothing fetched at run time.
'use strict';
const Charts = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const el = (name, attrs = {}, parent) => {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  };
  const compact = (n) => {
    const abs = Math.abs(n);
    if (abs >= 1e12) return (n / 1e12).toFixed(1) + 'T';
    if (abs >= 1e9) return (n / 1e9).toFixed(1) + 'B';
    if (abs >= 1e6) return (n / 1e6).toFixed(1) + 'M';
    if (abs >= 1e3) return (n / 1e3).toFixed(1) + 'k';
    if (abs >= 10 || abs === 0) return n.toFixed(0);
    return n.toPrecision(2);
  };
  const niceMax = (max) => {
    if (max <= 0) return 1;
    const pow = Math.pow(10, Math.floor(Math.log10(max)));
    const step = [1, 2, 2.5, 5, 10].find((s) => s * pow >= max);
    return step * pow;
  };
  const timeLabel = (date, spanMs) => spanMs > 2 * 86400e3
    ? date.toLocaleDateString([], { month: 'short', day: 'numeric' })
    : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const empty = (container, text) => { container.innerHTML = `<div class="empty">${text}</div>`; };

  let tip;
  const tooltip = (html, event) => {
    if (!tip) { tip = document.createElement('div'); tip.className = 'tooltip'; document.body.appendChild(tip); }
    if (!html) { tip.style.display = 'none'; return; }
    tip.innerHTML = html; tip.style.display = 'block';
    tip.style.left = (event.clientX + 12) + 'px'; tip.style.top = (event.clientY + 12) + 'px';
  };

  /** series: [{name, color, points: [{x: Date, y: Number}]}]; draws lines with a soft area under the first. */
  function line(container, series, { yFormat = compact, from, to, emptyText = 'No data in this range yet' } = {}) {
    const withData = series.filter((s) => s.points.length > 0);
    if (withData.length === 0) { empty(container, emptyText); return 0; }
    container.innerHTML = '';
    const w = container.clientWidth || 600, h = container.clientHeight || 230;
    const m = { l: 48, r: 12, t: 10, b: 24 };
    const svg = el('svg', { viewBox: `0 0 ${w} ${h}`, preserveAspectRatio: 'none', 'data-chart': 'line' }, container);
    const xs = withData.flatMap((s) => s.points.map((p) => p.x.getTime()));
    const x0 = from ? from.getTime() : Math.min(...xs), x1 = to ? to.getTime() : Math.max(...xs);
    const yMax = niceMax(Math.max(...withData.flatMap((s) => s.points.map((p) => p.y))));
    const X = (t) => m.l + (x1 === x0 ? 0.5 : (t - x0) / (x1 - x0)) * (w - m.l - m.r);
    const Y = (v) => h - m.b - (v / yMax) * (h - m.t - m.b);
    const axis = el('g', { class: 'axis' }, svg);
    for (let i = 0; i <= 4; i++) {
      const v = (yMax * i) / 4;
      el('line', { x1: m.l, x2: w - m.r, y1: Y(v), y2: Y(v), class: 'grid-line', 'stroke-dasharray': i ? '3 4' : '' }, axis);
      el('text', { x: m.l - 8, y: Y(v) + 4, 'text-anchor': 'end' }, axis).textContent = yFormat(v);
    }
    const ticks = Math.max(2, Math.min(6, Math.floor((w - m.l) / 95)));
    for (let i = 0; i <= ticks; i++) {
      const t = x0 + ((x1 - x0) * i) / ticks;
      el('text', { x: X(t), y: h - 6, 'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle' }, axis)
        .textContent = timeLabel(new Date(t), x1 - x0);
    }
    withData.forEach((s, index) => {
      const pts = [...s.points].sort((a, b) => a.x - b.x);
      const d = pts.map((p, i) => `${i ? 'L' : 'M'}${X(p.x.getTime()).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ');
      if (index === 0) {
        const gradient = el('linearGradient', { id: 'area-' + container.id, x1: 0, y1: 0, x2: 0, y2: 1 }, el('defs', {}, svg));
        el('stop', { offset: '0%', 'stop-color': s.color, 'stop-opacity': 0.35 }, gradient);
        el('stop', { offset: '100%', 'stop-color': s.color, 'stop-opacity': 0 }, gradient);
        const last = pts[pts.length - 1], first = pts[0];
        el('path', { d: `${d} L${X(last.x.getTime())},${Y(0)} L${X(first.x.getTime())},${Y(0)} Z`,
          fill: `url(#area-${container.id})`, class: 'area' }, svg);
      }
      el('path', { d, fill: 'none', stroke: s.color, 'stroke-width': 2.2, 'stroke-linejoin': 'round',
        'vector-effect': 'non-scaling-stroke', class: 'series', 'data-series': s.name }, svg);
      pts.forEach((p) => {
        // many points: invisible hover targets only, the line says enough
        const dot = el('circle', { cx: X(p.x.getTime()), cy: Y(p.y), r: pts.length > 24 ? 4 : 3, fill: s.color,
          'fill-opacity': pts.length > 24 ? 0 : 1, class: 'point' }, svg);
        dot.addEventListener('mousemove', (e) => tooltip(`<b>${s.name}</b><br>${p.x.toLocaleString()}<br>${p.label || yFormat(p.y)}`, e));
        dot.addEventListener('mouseleave', () => tooltip(null));
      });
    });
    return withData.length;
  }

  /** items: [{label, value, sub, color, selected, onClick}]: horizontal bars, largest first. */
  function bars(container, items, { emptyText = 'No tokens in this range yet' } = {}) {
    if (items.length === 0) { empty(container, emptyText); return 0; }
    container.innerHTML = '';
    const w = container.clientWidth || 400, h = container.clientHeight || 230;
    const svg = el('svg', { viewBox: `0 0 ${w} ${h}`, 'data-chart': 'bars' }, container);
    const rows = items.slice(0, 7);
    const rowH = Math.min(32, h / rows.length), max = Math.max(...rows.map((i) => i.value), 1);
    const labelW = 92, valueW = 70;
    rows.forEach((item, i) => {
      const g = el('g', { class: 'bar' + (item.selected ? ' selected' : ''), transform: `translate(0, ${i * rowH})` }, svg);
      el('text', { x: 0, y: rowH / 2 + 4, class: 'bar-label' }, g).textContent = item.label;
      const barW = Math.max(3, ((w - labelW - valueW) * item.value) / max);
      el('rect', { x: labelW, y: 5, width: w - labelW - valueW, height: rowH - 10, rx: 5, fill: 'rgba(255,255,255,0.04)' }, g);
      el('rect', { x: labelW, y: 5, width: barW, height: rowH - 10, rx: 5, fill: item.color, class: 'fill' }, g);
      el('text', { x: w - valueW + 8, y: rowH / 2 + 4, class: 'bar-value' }, g).textContent = item.sub;
      if (item.onClick) g.addEventListener('click', item.onClick);
    });
    return rows.length;
  }

  /** Vertical columns over time: [{x: Date, y: Number, y2: Number (highlighted part), label}]. */
  function columns(container, points, { from, to, color, color2, emptyText = 'No blocks in this range yet' } = {}) {
    if (points.length === 0) { empty(container, emptyText); return 0; }
    container.innerHTML = '';
    const w = container.clientWidth || 400, h = container.clientHeight || 230;
    const m = { l: 40, r: 8, t: 10, b: 24 };
    const svg = el('svg', { viewBox: `0 0 ${w} ${h}`, 'data-chart': 'columns' }, container);
    const x0 = from.getTime(), x1 = to.getTime();
    const yMax = niceMax(Math.max(...points.map((p) => p.y)));
    const X = (t) => m.l + ((t - x0) / (x1 - x0)) * (w - m.l - m.r);
    const Y = (v) => h - m.b - (v / yMax) * (h - m.t - m.b);
    const axis = el('g', { class: 'axis' }, svg);
    for (let i = 0; i <= 4; i++) {
      const v = (yMax * i) / 4;
      el('line', { x1: m.l, x2: w - m.r, y1: Y(v), y2: Y(v), class: 'grid-line', 'stroke-dasharray': i ? '3 4' : '' }, axis);
      el('text', { x: m.l - 8, y: Y(v) + 4, 'text-anchor': 'end' }, axis).textContent = compact(v);
    }
    const ticks = Math.max(2, Math.min(6, Math.floor((w - m.l) / 95)));
    for (let i = 0; i <= ticks; i++) {
      const t = x0 + ((x1 - x0) * i) / ticks;
      el('text', { x: X(t), y: h - 6, 'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle' }, axis)
        .textContent = timeLabel(new Date(t), x1 - x0);
    }
    const slot = (w - m.l - m.r) / Math.max(points.length, 30);
    const bw = Math.max(2, slot * 0.7);
    points.forEach((p) => {
      const x = X(p.x.getTime());
      const g = el('g', { class: 'column' }, svg);
      el('rect', { x: x, y: Y(p.y), width: bw, height: Y(0) - Y(p.y), rx: 1.5, fill: color }, g);
      if (p.y2) el('rect', { x: x, y: Y(p.y2), width: bw, height: Y(0) - Y(p.y2), rx: 1.5, fill: color2 }, g);
      g.addEventListener('mousemove', (e) => tooltip(`${p.x.toLocaleString()}<br>${p.label}`, e));
      g.addEventListener('mouseleave', () => tooltip(null));
    });
    return 1;
  }

  return { line, bars, columns, compact };
})();
