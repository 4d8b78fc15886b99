// Shared by every phone page: texts, the service worker, the network state, the outbox badge,
// syncing (on load, on 'online', by Background Sync) and caching the officer's data for offline.
import * as outbox from './outbox.js';

export {outbox};

let texts = null;

/** A text from the page's bundle (zh-CN or en), with {0}-style arguments. */
export function t(key, ...args) {
  if (!texts) {
    const el = document.getElementById('m-texts');
    try { texts = JSON.parse((el && el.dataset.texts) || '{}'); } catch (e) { texts = {}; }
  }
  let s = texts[key] || key;
  args.forEach(function (a, i) { s = s.replace('{' + i + '}', a); });
  return s;
}

export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(function ([k, v]) {
    if (v === null || v === undefined || v === false) { return; }
    if (k === 'class') { e.className = v; } else if (k === 'text') { e.textContent = v; }
    else if (k.startsWith('data-')) { e.setAttribute(k, v); } else if (k in e) { e[k] = v; }
    else { e.setAttribute(k, v); }
  });
  children.flat().forEach(function (c) {
    if (c !== null && c !== undefined) { e.append(c); }
  });
  return e;
}

/** GET JSON (through the service worker, which answers from its cache when offline). */
export async function getJson(url) {
  const res = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!res.ok) {
    const err = new Error('HTTP ' + res.status);
    err.status = res.status;
    throw err;
  }
  return res.json();
}

/** The phone's position, or null (no permission, no fix within 8 s). */
export function position() {
  return new Promise(function (resolve) {
    if (!navigator.geolocation) { resolve(null); return; }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy}),
      () => resolve(null),
      {enableHighAccuracy: true, timeout: 8000, maximumAge: 60000});
  });
}

export const RISK_CLASS = {RED: 'danger', ORANGE: 'warning', YELLOW: 'warning-subtle', BLUE: 'primary'};
export const RISK_COLOUR = {RED: '#dc3545', ORANGE: '#fd7e14', YELLOW: '#ffc107', BLUE: '#0d6efd'};

export function riskBadge(level) {
  if (!level) { return null; }
  return el('span', {class: 'badge m-risk m-risk-' + level, text: t('risk.' + level)});
}

async function updateBadge() {
  const badge = document.getElementById('m-outbox-badge');
  if (!badge) { return; }
  const n = await outbox.pendingCount().catch(() => 0);
  badge.textContent = String(n);
  badge.dataset.count = String(n);
  badge.classList.toggle('d-none', n === 0);
}

function updateNetwork() {
  const flag = document.getElementById('m-offline');
  if (flag) { flag.classList.toggle('d-none', navigator.onLine); }
}

async function registerBackgroundSync() {
  try {
    const reg = await navigator.serviceWorker.ready;
    if (reg.sync) { await reg.sync.register('outbox'); }
  } catch (e) { /* no Background Sync: the 'online' event and page loads do it */ }
}

/** Sends what waits, now if online; else asks for a Background Sync when the network returns. */
export async function syncNow(force) {
  if (navigator.onLine) {
    try { await outbox.syncAll(force); } catch (e) { /* retried later */ }
  }
  await updateBadge();
  if ((await outbox.pendingCount().catch(() => 0)) > 0) {
    await registerBackgroundSync();
  }
}

/** Queues a write and tries to send it at once. */
export async function enqueue(item) {
  const saved = await outbox.add(item);
  await updateBadge();
  syncNow(false);
  return saved;
}

const PREFETCH_KEY = 'anwang-m-prefetched-at';
const PREFETCH_EVERY_MS = 10 * 60 * 1000;

/**
 * Reads the officer's data once in a while so the service worker has it for offline use: my
 * objects and grids, my tasks, open cases, and the checklist of each object.
 */
export async function prefetch(force) {
  const flag = document.documentElement.dataset;
  if (!navigator.onLine) { flag.prefetched = 'offline'; return; }
  const last = Number(localStorage.getItem(PREFETCH_KEY) || 0);
  if (!force && Date.now() - last < PREFETCH_EVERY_MS) { flag.prefetched = 'done'; return; }
  flag.prefetched = 'running';
  const quiet = (p) => p.catch(() => null);
  const [objects] = await Promise.all([
    quiet(getJson('/api/v1/me/objects')),
    quiet(getJson('/api/v1/me/grids')),
    quiet(getJson('/api/v1/tasks/mine')),
    quiet(getJson('/api/v1/cases?open=true&size=100'))
  ]);
  const ids = ((objects && objects.items) || []).map((o) => o.id).slice(0, 300);
  for (let i = 0; i < ids.length; i += 4) {
    await Promise.all(ids.slice(i, i + 4).map((id) => quiet(getJson('/api/v1/checklists/for-object/' + id))));
  }
  if (objects) { localStorage.setItem(PREFETCH_KEY, String(Date.now())); }
  flag.prefetched = 'done';
}

/** Resolves once the service worker controls this page (its reads then land in its cache). */
function controlled() {
  if (navigator.serviceWorker.controller) { return Promise.resolve(); }
  return new Promise(function (resolve) {
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {once: true});
  });
}

function installManifest() {
  if (document.querySelector('link[rel="manifest"]')) { return; }
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = '/m/manifest.json';
  link.crossOrigin = 'use-credentials';
  document.head.appendChild(link);
}

/**
 * Another officer logged in on this phone: the previous one's cached pages and data go, and the
 * outbox from now on sends (and shows) only this officer's items.
 */
async function rememberUser() {
  const el = document.getElementById('m-texts');
  const user = el && el.dataset.user;
  if (!user) { return; }
  const before = await outbox.currentUser().catch(() => null);
  if (before !== user) {
    if (before && 'caches' in window) {
      await Promise.all(['anwang-m-api', 'anwang-m-pages'].map((n) => caches.delete(n)));
      localStorage.removeItem(PREFETCH_KEY);
    }
    await outbox.setUser(user);
  }
}

/** Resolves once the phone knows who is logged in (read the outbox after it). */
export const ready = rememberUser().catch(() => null);

async function start() {
  await ready;
  installManifest();
  updateNetwork();
  window.addEventListener('online', function () { updateNetwork(); syncNow(true); prefetch(false); });
  window.addEventListener('offline', updateNetwork);
  outbox.onChange(updateBadge);
  if ('serviceWorker' in navigator) {
    try {
      await navigator.serviceWorker.register('/m/sw.js', {scope: '/m/', type: 'module'});
    } catch (e) { /* pages still work online */ }
  }
  await updateBadge();
  syncNow(false);
  // retries with the backoff each item carries, while the page is open
  setInterval(() => syncNow(false), 10000);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.ready.then(controlled).then(() => prefetch(false));
  }
}

start();
