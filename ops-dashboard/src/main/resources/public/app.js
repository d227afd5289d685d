// The zsync ops page: polls the dashboard's JSON API and draws flows, lag, dead letters and lineage.
// Everything from the API is inserted as text (never as HTML): error messages come from external systems.
(function () {
  'use strict';
  const POLL_MS = 3000;
  const state = { roles: [], minutes: 60, timer: null };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === 'class') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    });
    children.flat().forEach(c => {
      if (c === null || c === undefined) return;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return node;
  }
  const svgEl = (tag, attrs) => {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
    return node;
  };
  const badge = (status, testid) => el('span', { class: 'badge ' + status, 'data-testid': testid }, status);
  const ms = v => v === null || v === undefined ? '–' : v < 1000 ? v + ' ms' : (v / 1000).toFixed(v < 10000 ? 1 : 0) + ' s';
  const age = v => v === null || v === undefined ? '–' : v < 60000 ? Math.round(v / 1000) + ' s'
    : v < 7200000 ? Math.round(v / 60000) + ' min' : Math.round(v / 3600000) + ' h';
  const pct = v => (v * 100).toFixed(1) + ' %';
  const when = v => v ? new Date(v).toLocaleString() : '–';
  const safeId = s => String(s).replace(/[^A-Za-z0-9_-]/g, '_');

  async function api(path, options) {
    const response = await fetch(path, Object.assign({ credentials: 'same-origin',
      headers: { Accept: 'application/json' } }, options || {}));
    if (response.status === 401) {
      location.href = '/login.html';
      throw new Error('not logged in');
    }
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const message = body && (body.error || (body._embedded && body._embedded.errors && body._embedded.errors[0].message) || body.message);
      throw new Error(message || ('HTTP ' + response.status));
    }
    return body;
  }

  function banner(message) {
    const b = document.getElementById('banner');
    b.hidden = !message;
    b.textContent = message || '';
  }

  function renderOverview(o) {
    const overall = document.getElementById('overall');
    overall.className = 'badge ' + o.health.status;
    overall.textContent = o.health.status;
    document.getElementById('overall-reason').textContent = o.health.reason;
    document.getElementById('overall-reason').title = o.health.reason;
    document.getElementById('updated').textContent = 'updated ' + new Date(o.generatedAt).toLocaleTimeString();
    renderFlows(o.flows, o.windowMinutes, Date.parse(o.generatedAt));
    renderLag(o.groups);
  }

  function renderFlows(flows, minutes, now) {
    const body = document.querySelector('#flows tbody');
    body.replaceChildren(...flows.map(f => el('tr', { 'data-testid': 'flow-row-' + f.flowId },
      el('td', {}, f.flowId),
      el('td', { title: f.health.reason }, badge(f.health.status, 'flow-health-' + f.flowId)),
      el('td', { class: 'n', 'data-testid': 'flow-total-' + f.flowId }, f.total),
      el('td', { class: 'n', 'data-testid': 'flow-succeeded-' + f.flowId }, f.succeeded),
      el('td', { class: 'n' }, f.skipped),
      el('td', { class: 'n', 'data-testid': 'flow-failed-' + f.flowId }, f.failed),
      el('td', { class: 'n', 'data-testid': 'flow-dead-' + f.flowId }, f.deadLettered),
      el('td', { class: 'n' }, pct(f.failureRate)),
      el('td', { class: 'n' }, ms(f.latencyP50Ms)),
      el('td', { class: 'n' }, ms(f.latencyP95Ms)),
      el('td', { class: 'n' }, ms(f.latencyP99Ms)),
      el('td', { class: 'n' }, f.retries),
      el('td', { class: 'n', title: f.apiCallsPerEvent.toFixed(2) + ' per event' }, f.apiCalls))));
    document.getElementById('no-flows').hidden = flows.length > 0;
    document.getElementById('charts').replaceChildren(...flows.map(f => chart(f, minutes, now)));
  }

  // One bar per minute of the window: successes and skips in green, failures and dead letters in red on top.
  function chart(flow, minutes, now) {
    const W = 600, H = 100, top = 10;
    const end = Math.floor(now / 60000) * 60000;
    const start = end - (minutes - 1) * 60000;
    const slot = W / minutes;
    const max = Math.max(1, ...flow.series.map(p => p.succeeded + p.skipped + p.failed + p.deadLettered));
    const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H + 14}`, role: 'img',
      'aria-label': `throughput and failures of ${flow.flowId}`, 'data-testid': 'chart-' + flow.flowId });
    svg.appendChild(svgEl('line', { x1: 0, y1: H, x2: W, y2: H, class: 'axis' }));
    flow.series.forEach(p => {
      if (p.minuteStartMs < start) return;
      const x = ((p.minuteStartMs - start) / 60000) * slot;
      const ok = p.succeeded + p.skipped, bad = p.failed + p.deadLettered;
      const hOk = (ok / max) * (H - top), hBad = (bad / max) * (H - top);
      const w = Math.max(1, slot * 0.8);
      if (ok) svg.appendChild(svgEl('rect', { x, y: H - hOk, width: w, height: hOk, class: 'ok-bar' }));
      if (bad) svg.appendChild(svgEl('rect', { x, y: H - hOk - hBad, width: w, height: hBad, class: 'fail-bar' }));
    });
    const label = (x, anchor, text) => {
      const t = svgEl('text', { x, y: H + 11, 'text-anchor': anchor });
      t.textContent = text;
      svg.appendChild(t);
    };
    label(0, 'start', minutes + ' min ago');
    label(W, 'end', 'now');
    const maxLabel = svgEl('text', { x: 2, y: 9 });
    maxLabel.textContent = 'max ' + max + '/min';
    svg.appendChild(maxLabel);
    return el('div', { class: 'chart' }, el('h3', {}, flow.flowId), svg,
      el('div', { class: 'legend' }, 'green: succeeded or skipped · red: failed or dead-lettered'));
  }

  function renderLag(groups) {
    document.querySelector('#lag tbody').replaceChildren(...groups.map(g => el('tr', { 'data-testid': 'lag-row-' + g.groupId },
      el('td', {}, g.groupId),
      el('td', {}, badge(g.health.status, 'lag-health-' + g.groupId)),
      el('td', { class: 'n', 'data-testid': 'lag-' + g.groupId }, g.lag === null ? '–' : g.lag),
      el('td', { class: 'n' }, age(g.oldestUnprocessedAgeMs)),
      el('td', { class: 'muted' }, g.health.reason))));
  }

  async function loadDeadLetters() {
    const params = new URLSearchParams({ limit: '100', state: document.getElementById('dl-state').value });
    const flow = document.getElementById('dl-flow').value.trim();
    const code = document.getElementById('dl-code').value.trim();
    if (flow) params.set('flow', flow);
    if (code) params.set('errorCode', code);
    const list = await api('/api/dead-letters?' + params);
    document.getElementById('dl-count').textContent = '(' + list.length + (list.length === 100 ? '+' : '') + ')';
    const canRedrive = state.roles.includes('OPERATOR');
    document.querySelector('#dead-letters tbody').replaceChildren(...list.map(d => {
      const button = el('button', { 'data-testid': 'redrive-' + d.eventId, disabled: !canRedrive || !d.redrivable || d.state !== 'OPEN',
        title: !canRedrive ? 'needs the OPERATOR role' : (d.notRedrivableReason || 'publish the original event again'),
        onclick: () => redrive(d, button) }, 'Redrive');
      return el('tr', { 'data-testid': 'dl-row-' + d.eventId },
        el('td', {}, when(d.deadLetteredAt)),
        el('td', {}, d.flowId),
        el('td', {}, el('strong', {}, d.errorCode), ' ', d.errorMessage,
          el('details', {}, el('summary', {}, 'original event'),
            el('pre', {}, d.original ? JSON.stringify(d.original, null, 2) : 'undecodable; raw bytes (base64): ' + d.rawValueBase64))),
        el('td', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); showLineage(d.recordId, false); } }, d.recordId)),
        el('td', { class: 'n' }, d.attempts),
        el('td', { class: 'n' }, d.redriveCount),
        el('td', {}, d.state === 'OPEN' ? button : badge(d.state, 'dl-state-' + d.eventId)));
    }));
  }

  async function redrive(d, button) {
    if (!confirm(`Redrive event ${d.eventId} to ${d.sourceTopic} for flow ${d.flowId}?`)) return;
    button.disabled = true;
    const status = document.getElementById('redrive-status');
    try {
      const r = await api('/api/dead-letters/' + encodeURIComponent(d.id) + '/redrive', {
        method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
      status.textContent = `Redriven: event ${r.eventId} published to ${r.topic} (partition ${r.partition}, offset ${r.offset}), redrive #${r.redriveCount}.`;
    } catch (e) {
      status.textContent = 'Redrive failed: ' + e.message;
      button.disabled = false;
    }
    status.hidden = false;
  }

  function targetsText(targets) {
    return targets.length ? targets.map(t => `${t.system} ${t.entityType} ${t.recordId} (${t.action}${t.label ? ', ' + t.label : ''})`).join('; ') : '–';
  }

  function entryRow(e, testid) {
    return el('tr', { 'data-testid': testid },
      el('td', {}, when(e.at)), el('td', {}, e.flowId), el('td', {}, badge(e.status, null)),
      el('td', {}, targetsText(e.targets)), el('td', { class: 'n' }, e.attempts),
      el('td', {}, e.errorCode ? e.errorCode + ': ' + (e.errorMessage || '') : (e.skipReason || '')),
      el('td', { class: 'muted' }, e.eventId));
  }

  function lineageTable(entries, prefix) {
    return el('table', {}, el('thead', {}, el('tr', {}, ['When', 'Flow', 'Status', 'Targets', 'Attempts', 'Error / reason', 'Event']
      .map(h => el('th', {}, h)))), el('tbody', {}, entries.map((e, i) => entryRow(e, prefix + i))));
  }

  async function showLineage(id, byTarget) {
    const out = document.getElementById('lineage-result');
    document.getElementById('lineage-input').value = id;
    out.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
    try {
      const lineages = byTarget ? await api('/api/lineage?targetId=' + encodeURIComponent(id))
        : [await api('/api/lineage/' + encodeURIComponent(id))];
      if (!lineages.length) {
        out.replaceChildren(el('p', { 'data-testid': 'lineage-empty' }, 'No source record wrote target ' + id + '.'));
        return;
      }
      out.replaceChildren(...lineages.map(l => el('div', { 'data-testid': 'lineage-' + safeId(l.recordId) },
        el('p', { class: 'lineage-head' }, el('strong', {}, l.source ? `${l.source.system} ${l.source.entityType} ${l.recordId}` : l.recordId),
          l.source ? ` (org ${l.source.orgId})` : ''),
        el('h3', {}, 'Latest per flow'), lineageTable(Object.values(l.latestByFlow), 'lineage-latest-'),
        el('h3', {}, 'History'), lineageTable(l.history, 'lineage-history-'))));
    } catch (e) {
      out.replaceChildren(el('p', { class: 'error', 'data-testid': 'lineage-error' }, e.message));
    }
  }

  async function refresh() {
    try {
      renderOverview(await api('/api/overview?minutes=' + state.minutes));
      await loadDeadLetters();
      banner(null);
    } catch (e) {
      banner('Could not refresh: ' + e.message);
    }
  }

  async function start() {
    try {
      const me = await api('/api/me');
      state.roles = me.roles;
      document.getElementById('user').textContent = me.name + ' (' + me.roles.join(', ') + ')';
    } catch (e) {
      banner(e.message);
      return;
    }
    document.getElementById('window').addEventListener('change', e => { state.minutes = Number(e.target.value); refresh(); });
    ['dl-flow', 'dl-code', 'dl-state'].forEach(id => document.getElementById(id).addEventListener('change', loadDeadLetters));
    document.getElementById('lineage-form').addEventListener('submit', e => {
      e.preventDefault();
      showLineage(document.getElementById('lineage-input').value.trim(), document.getElementById('lineage-by-target').checked);
    });
    await refresh();
    state.timer = setInterval(refresh, POLL_MS);
  }

  start();
})();
