// ChainHub analytics dashboard: reads the JSON API with a viewer token, redraws every few seconds,
// and keeps a live list of large transfers from the server-sent-event stream.
'use strict';
(() => {
  const API = '/api/analytics';
  const COLORS = ['var(--c0)', 'var(--c1)', 'var(--c2)', 'var(--c3)', 'var(--c4)'];
  const RAW = ['#5b8cff', '#38d39f', '#f5a524', '#c77dff', '#ff6b8b'];
  const REFRESH_MS = 5000;
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  const state = { token: null, chain: Number(params.get('chain')) || null, window: params.get('window') || '1h',
    focus: null, feed: new Map(), live: null };

  // --- authentication: token from #token=... (never sent to the server as part of the URL) or the form
  function readToken() {
    const match = location.hash.match(/token=([^&]+)/);
    if (match) {
      sessionStorage.setItem('chainhub.token', decodeURIComponent(match[1]));
      history.replaceState(null, '', location.pathname + location.search);
    }
    return sessionStorage.getItem('chainhub.token');
  }
  function showLogin(message) {
    $('app').classList.add('hidden');
    $('login').classList.remove('hidden');
    $('login-error').textContent = message || '';
    setStatus('error', 'not signed in');
  }
  $('login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const value = $('token-input').value.trim().replace(/^Bearer\s+/i, '');
    if (!value) return;
    sessionStorage.setItem('chainhub.token', value);
    start();
  });

  async function api(path) {
    const response = await fetch(API + path, { headers: { Authorization: 'Bearer ' + state.token } });
    if (response.status === 401 || response.status === 403) {
      const problem = await response.json().catch(() => ({}));
      const error = new Error(problem.detail || 'token refused');
      error.auth = true;
      throw error;
    }
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).detail || response.statusText);
    return response.json();
  }

  // --- formatting
  const fmt = (n) => Number(n).toLocaleString(undefined, { maximumFractionDigits: 2 });
  const short = (a) => (a && a.length > 14 ? a.slice(0, 6) + '…' + a.slice(-4) : a);
  const tokenName = (t) => t.symbol || (t.token === 'native' ? 'ETH' : short(t.token));
  const gwei = (wei) => (wei == null ? null : Number(wei) / 1e9);
  const gweiText = (wei) => (wei == null ? '–' : (gwei(wei) < 0.01 ? fmt(Number(wei)) + ' wei' : fmt(gwei(wei)) + ' gwei'));
  const ago = (iso) => {
    const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
    return s < 60 ? Math.round(s) + 's ago' : s < 3600 ? Math.round(s / 60) + 'm ago' : Math.round(s / 3600) + 'h ago';
  };
  function setStatus(kind, text) {
    $('status').className = 'status ' + kind;
    $('status-text').textContent = text;
  }
  const rangeFor = (w) => ({ '1m': 60, '1h': 48, '1d': 30 })[w];
  function range() {
    const size = { '1m': 60e3, '1h': 3600e3, '1d': 86400e3 }[state.window];
    const to = new Date(Math.ceil(Date.now() / size) * size);
    return { from: new Date(to.getTime() - rangeFor(state.window) * size), to };
  }

  // --- panels
  async function loadChains() {
    const chains = await api('/chains');
    const select = $('chain');
    const list = chains.length ? chains : [31337];
    select.innerHTML = list.map((c) => `<option value="${c}">${c === 31337 ? 'anvil · 31337' : c === 1 ? 'Ethereum · 1' : c}</option>`).join('');
    if (!state.chain || !list.includes(state.chain)) state.chain = list[0];
    select.value = state.chain;
  }

  async function refresh() {
    const { from, to } = range();
    const q = `window=${state.window}&from=${from.toISOString()}&to=${to.toISOString()}`;
    const base = `/chains/${state.chain}`;
    const [tokens, gas] = await Promise.all([api(`${base}/tokens?${q}&limit=10`), api(`${base}/gas?${q}`)]);
    const top = tokens.tokens;
    if (!state.focus || !top.some((t) => t.token === state.focus)) state.focus = top.length ? top[0].token : null;
    // a minute is too short a window to rank anyone: rank the current hour then
    const topWindow = state.window === '1m' ? '1h' : state.window;
    const parties = state.focus ? await api(`${base}/tokens/${state.focus}/top?window=${topWindow}&limit=6`) : null;

    let drawn = 0;
    // one token at a time: tokens differ by orders of magnitude, one axis would flatten all but the largest
    const focusIndex = Math.max(0, top.findIndex((t) => t.token === state.focus));
    const focused = state.focus ? await api(`${base}/tokens/${state.focus}/series?${q}`) : null;
    const color = RAW[focusIndex % RAW.length];
    drawn += Charts.line($('volume-chart'), focused ? [{
      name: focused.symbol || short(focused.token), color,
      points: focused.buckets.map((b) => ({ x: new Date(b.start), y: Number(b.total.volumeDecimal ?? b.total.volume),
        label: `${fmt(b.total.volumeDecimal ?? b.total.volume)} ${focused.symbol || ''} · ${b.total.transfers} transfers · `
          + `${b.total.uniqueSenders} senders${b.isFinal ? ' · final' : ' · provisional part ' + fmt(b.provisional.volumeDecimal ?? b.provisional.volume)}` })),
    }] : [], { from, to });
    $('volume-token').textContent = focused ? '· ' + (focused.symbol || short(focused.token)) : '';
    $('volume-legend').innerHTML = top.slice(0, 5).map((t, i) =>
      `<span data-token="${t.token}" class="${t.token === state.focus ? 'active' : ''}"><i style="background:${RAW[i % RAW.length]}"></i>${tokenName(t)}</span>`).join('');
    $('volume-legend').querySelectorAll('span').forEach((chip) => chip.addEventListener('click', () => { state.focus = chip.dataset.token; tick(); }));

    drawn += Charts.bars($('tokens-chart'), top.map((t, i) => ({
      label: tokenName(t), value: t.total.transfers, sub: fmt(t.total.transfers) + ' tx', color: RAW[i % RAW.length],
      selected: t.token === state.focus, onClick: () => { state.focus = t.token; tick(); },
    })));

    renderRanking('senders', parties && parties.senders, parties);
    renderRanking('receivers', parties && parties.receivers, parties);

    const gasBuckets = gas.buckets;
    drawn += Charts.line($('gas-chart'), [
      { name: 'p50', color: RAW[1], points: gasBuckets.filter((b) => b.p50).map((b) => ({ x: new Date(b.start), y: gwei(b.p50), label: gweiText(b.p50) })) },
      { name: 'p90', color: RAW[2], points: gasBuckets.filter((b) => b.p90).map((b) => ({ x: new Date(b.start), y: gwei(b.p90), label: gweiText(b.p90) })) },
      { name: 'base fee', color: RAW[0], points: gasBuckets.filter((b) => b.baseFeeAvg).map((b) => ({ x: new Date(b.start), y: gwei(b.baseFeeAvg), label: gweiText(b.baseFeeAvg) })) },
    ], { from, to, yFormat: (v) => Charts.compact(v), emptyText: 'No blocks in this range yet' });
    $('gas-legend').innerHTML = [['p50', RAW[1]], ['p90', RAW[2]], ['base fee', RAW[0]]]
      .map(([n, c]) => `<span><i style="background:${c}"></i>${n}</span>`).join('') + '<span>gwei</span>';

    drawn += Charts.columns($('tx-chart'), gasBuckets.map((b) => ({ x: new Date(b.start), y: b.transactions,
      y2: b.failedTransactions, label: `${fmt(b.transactions)} tx · ${fmt(b.failedTransactions)} failed · ${b.blocks} blocks` })),
    { from, to, color: '#3a4a6b', color2: '#ff6b6b' });

    // KPIs
    const transfers = top.reduce((sum, t) => sum + t.total.transfers, 0);
    const provisional = top.reduce((sum, t) => sum + t.provisional.transfers, 0);
    $('kpi-transfers').textContent = fmt(transfers);
    $('kpi-transfers-sub').textContent = `${fmt(provisional)} provisional · last ${rangeFor(state.window)} × ${state.window}`;
    $('kpi-tokens').textContent = fmt(top.length);
    $('kpi-tokens-sub').textContent = top.length ? 'most active: ' + tokenName(top[0]) : '';
    const lastGas = gasBuckets[gasBuckets.length - 1];
    $('kpi-gas').textContent = lastGas ? `${gweiText(lastGas.p50)}` : '–';
    $('kpi-gas-sub').textContent = lastGas ? `p90 ${gweiText(lastGas.p90)} · ${fmt(lastGas.blocks)} blocks, ${fmt(lastGas.transactions)} tx` : 'no blocks yet';
    const c = tokens.completeness;
    $('kpi-block').textContent = c.completeThroughBlock ? '#' + fmt(c.completeThroughBlock) : '–';
    $('kpi-block-sub').textContent = c.confirmedThroughBlock ? `confirmed through #${fmt(c.confirmedThroughBlock)}` : 'nothing confirmed yet';

    setStatus('ok', `live · updated ${new Date().toLocaleTimeString()}`);
    document.body.dataset.charts = String(drawn);
    document.body.dataset.rendered = 'true';
  }

  function renderRanking(id, rows, parties) {
    const table = $(id);
    const span = { '1m': 'minute', '1h': 'hour', '1d': 'day' }[parties ? parties.window : state.window];
    $(id + '-token').textContent = parties ? `${parties.symbol || short(parties.token)} · newest ${span}` : '';
    if (!rows || rows.length === 0) { table.innerHTML = '<tr><td class="empty">No transfers in this window yet</td></tr>'; return; }
    const max = Math.max(...rows.map((r) => Number(r.volumeDecimal ?? r.volume)), 1e-18);
    table.innerHTML = rows.map((r, i) => {
      const v = Number(r.volumeDecimal ?? r.volume);
      return `<tr><td class="rank">${i + 1}</td><td><span class="addr" title="${r.address}">${short(r.address)}</span>
        <div class="meter"><div style="width:${Math.max(2, (100 * v) / max)}%"></div></div></td>
        <td class="num">${fmt(v)}<div class="hint">${r.transfers} tx</div></td></tr>`;
    }).join('');
  }

  // --- live feed
  function renderFeed() {
    const items = [...state.feed.values()].sort((a, b) => new Date(b.blockTime) - new Date(a.blockTime)).slice(0, 30);
    $('feed').innerHTML = items.length ? items.map((t) => `<li class="${t.fresh ? 'new' : ''}">
        <span class="amount">${fmt(t.valueDecimal ?? t.value)} ${t.symbol || short(t.token)}</span>
        <span class="addr">${short(t.from)} → ${short(t.to)}</span>
        <span><span class="pill ${t.finality === 'CONFIRMED' ? 'confirmed' : 'provisional'}">${t.finality.toLowerCase()}</span></span>
        <span class="when">#${t.blockNumber} · ${ago(t.blockTime)}</span></li>`).join('')
      : '<li class="empty hint">No large transfers yet</li>';
    items.forEach((t) => { t.fresh = false; });
    document.body.dataset.feed = String(items.length);
  }
  function addFeedItem(item, fresh) {
    const previous = state.feed.get(item.eventId);
    if (previous && previous.finality === 'CONFIRMED' && item.finality !== 'CONFIRMED') return;
    state.feed.set(item.eventId, { ...item, fresh });
  }
  async function loadFeed() {
    const recent = await api('/large-transfers?hours=48&limit=30');
    recent.transfers.forEach((t) => addFeedItem(t, false));
    renderFeed();
  }
  // EventSource cannot send an Authorization header: read the SSE stream with fetch instead.
  async function connectLive() {
    if (state.live) state.live.abort();
    const controller = new AbortController();
    state.live = controller;
    try {
      const response = await fetch(API + '/large-transfers/stream', {
        headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' }, signal: controller.signal });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let split;
        while ((split = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n');
          if (data) { addFeedItem(JSON.parse(data), true); renderFeed(); }
        }
      }
    } catch (e) {
      if (controller.signal.aborted) return;
    }
    setTimeout(connectLive, 3000); // reconnect after the server closed or the network dropped
  }

  // --- loop
  let timer;
  async function tick() {
    clearTimeout(timer);
    try {
      await refresh();
    } catch (e) {
      if (e.auth) { sessionStorage.removeItem('chainhub.token'); showLogin(e.message); return; }
      setStatus('error', e.message);
    }
    timer = setTimeout(tick, REFRESH_MS);
  }
  async function start() {
    state.token = readToken();
    if (!state.token) { showLogin(); return; }
    $('login').classList.add('hidden');
    $('app').classList.remove('hidden');
    try {
      await loadChains();
      await loadFeed();
    } catch (e) {
      if (e.auth) { sessionStorage.removeItem('chainhub.token'); showLogin(e.message); return; }
      setStatus('error', e.message);
    }
    tick();
    if (!params.has('nolive')) connectLive();
  }

  document.querySelectorAll('#window button').forEach((x) => x.classList.toggle('active', x.dataset.window === state.window));
  $('chain').addEventListener('change', (e) => { state.chain = Number(e.target.value); state.focus = null; tick(); });
  document.querySelectorAll('#window button').forEach((b) => b.addEventListener('click', () => {
    document.querySelectorAll('#window button').forEach((x) => x.classList.toggle('active', x === b));
    state.window = b.dataset.window;
    tick();
  }));
  window.addEventListener('resize', () => tick());
  start();
})();
