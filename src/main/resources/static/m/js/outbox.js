// The phone's outbox: writes made on the phone (photos, inspections, hazard reports, cases from
// failed items, publicity activities and their photos) wait here in IndexedDB until they reach the server. Each item carries a
// client-generated UUID sent as Idempotency-Key, so sending it again (after a lost answer, from the
// page and from the service worker at once) never makes a second record. Used by the pages and
// by the service worker (Background Sync).

const DB_NAME = 'anwang-m';
const STORE = 'outbox';
const META = 'meta';
const CHANNEL = 'anwang-outbox';
const KEEP_SYNCED_MS = 7 * 24 * 3600 * 1000;

let dbPromise = null;

function db() {
  if (!dbPromise) {
    dbPromise = new Promise(function (resolve, reject) {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = function () {
        const store = req.result.createObjectStore(STORE, {keyPath: 'id'});
        store.createIndex('createdAt', 'createdAt');
        req.result.createObjectStore(META, {keyPath: 'key'});
      };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }
  return dbPromise;
}

function tx(mode, work, storeName) {
  const name = storeName || STORE;
  return db().then(function (d) {
    return new Promise(function (resolve, reject) {
      const t = d.transaction(name, mode);
      const result = work(t.objectStore(name));
      t.oncomplete = function () { resolve(result && 'result' in result ? result.result : result); };
      t.onerror = function () { reject(t.error); };
      t.onabort = function () { reject(t.error); };
    });
  });
}

function notify() {
  try {
    const c = new BroadcastChannel(CHANNEL);
    c.postMessage({type: 'changed'});
    c.close();
  } catch (e) { /* no BroadcastChannel: pages poll */ }
}

/** Listens for changes made by any page or the service worker. */
export function onChange(listener) {
  try {
    const c = new BroadcastChannel(CHANNEL);
    c.onmessage = listener;
  } catch (e) { /* ignored */ }
}

export function uuid() {
  if (self.crypto && typeof self.crypto.randomUUID === 'function') {
    return self.crypto.randomUUID();
  }
  const b = new Uint8Array(16);
  self.crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
}

/**
 * Records who is logged in on this phone (the pages know it). Items are sent only for the user
 * who queued them, so a shared phone never sends one officer's records under another's log-in.
 */
export function setUser(name) {
  return tx('readwrite', (s) => s.put({key: 'user', value: name}), META).then(notify);
}

export function currentUser() {
  return tx('readonly', (s) => s.get('user'), META).then((r) => (r ? r.value : null));
}

/**
 * Queues a write. item: {id, kind: 'photo'|'inspection'|'case'|'itemCase'|'publicity'|
 * 'publicityPhoto', url, json | blob + filename, dependsOn: [ids that must be synced first], label,
 * parent}. An item with a parent (a publicity photo: its activity) is sent after it, to its url
 * with '{parent}' replaced by the id the server gave the parent.
 */
export async function add(item) {
  const now = Date.now();
  const full = Object.assign({dependsOn: [], attempts: 0, nextAt: 0, error: null, result: null,
    status: 'waiting', createdAt: now, seq: now + Math.random(), user: await currentUser()}, item);
  await tx('readwrite', (s) => s.put(full));
  notify();
  return full;
}

/** The current user's items, oldest first. */
export async function all() {
  const user = await currentUser();
  const items = await tx('readonly', (s) => s.getAll());
  return items.filter((i) => !i.user || !user || i.user === user).sort((a, b) => a.seq - b.seq);
}

export function get(id) {
  return tx('readonly', (s) => s.get(id));
}

function put(item) {
  return tx('readwrite', (s) => s.put(item));
}

/**
 * Drops an item; a discarded photo is also taken out of the inspections that listed it, so they
 * are sent without it instead of waiting for it for ever; a discarded activity takes its photos
 * (items with it as parent) with it.
 */
export async function remove(id) {
  const items = await all();
  for (const item of items) {
    if (item.parent === id && item.status !== 'synced') {
      await tx('readwrite', (s) => s.delete(item.id));
      continue;
    }
    if (item.status === 'synced' || !(item.dependsOn || []).includes(id)) { continue; }
    item.dependsOn = item.dependsOn.filter((d) => d !== id);
    if (item.json) {
      item.json.photoIds = (item.json.photoIds || []).filter((p) => p !== id);
      (item.json.answers || []).forEach(function (a) {
        a.photoIds = (a.photoIds || []).filter((p) => p !== id);
      });
    }
    await put(item);
  }
  await tx('readwrite', (s) => s.delete(id));
  notify();
}

/** Items not yet on the server (waiting or rejected). */
export function pendingCount() {
  return all().then((items) => items.filter((i) => i.status !== 'synced').length);
}

/** Makes an item due now again (the retry button). */
export function retry(id) {
  return get(id).then(function (item) {
    if (!item || item.status === 'synced') { return; }
    item.status = 'waiting';
    item.nextAt = 0;
    return put(item).then(notify);
  });
}

function backoff(attempts) {
  return Math.min(10 * 60 * 1000, 5000 * Math.pow(2, Math.max(0, attempts - 1)));
}

/** Where an item goes: its url, with '{parent}' as the id the server gave its parent. */
function target(item, byId) {
  if (!item.parent) { return item.url; }
  const parent = byId.get(item.parent);
  const id = parent && parent.status === 'synced' && parent.result ? parent.result.id : null;
  return id === null || id === undefined ? null : item.url.replace('{parent}', encodeURIComponent(id));
}

function request(item, url) {
  const headers = {'Idempotency-Key': item.id, Accept: 'application/json'};
  let body;
  if (item.blob) {
    body = new FormData();
    body.append('file', item.blob, item.filename || 'photo.jpg');
  } else if (item.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(item.json);
  }
  // a request that hangs (a dead connection) must not hold the sync lock for ever
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), item.blob ? 60000 : 20000);
  return fetch(url, {method: 'POST', headers: headers, body: body,
    credentials: 'same-origin', redirect: 'manual', signal: abort.signal})
    .finally(() => clearTimeout(timer));
}

function problemText(res) {
  return res.text().then(function (text) {
    try {
      const p = JSON.parse(text);
      return (p.detail || p.title || '') + ' (' + res.status + ')';
    } catch (e) {
      return 'HTTP ' + res.status;
    }
  });
}

async function sendOne(item, url) {
  let res;
  try {
    res = await request(item, url);
  } catch (e) {
    item.attempts += 1;
    item.nextAt = Date.now() + backoff(item.attempts);
    item.error = 'network';
    await put(item);
    return 'offline';
  }
  if (res.ok) {
    item.status = 'synced';
    item.syncedAt = Date.now();
    item.error = null;
    item.result = await res.json().catch(() => null);
    delete item.blob;
    await put(item);
    return 'ok';
  }
  item.attempts += 1;
  if (res.type === 'opaqueredirect' || res.status === 401 || res.status === 403) {
    item.error = 'login';
    item.nextAt = Date.now() + backoff(item.attempts);
    await put(item);
    return 'login';
  }
  item.error = await problemText(res);
  if (res.status >= 500 || res.status === 408 || res.status === 429 || res.status === 409) {
    item.nextAt = Date.now() + backoff(item.attempts);
  } else {
    // the server refused it for good (e.g. a photo of the wrong type): the officer decides
    item.status = 'rejected';
  }
  await put(item);
  return 'failed';
}

async function runSync(force) {
  const items = await all();
  const byId = new Map(items.map((i) => [i.id, i]));
  const now = Date.now();
  let sent = 0;
  for (const item of items) {
    if (item.status === 'synced') {
      // a parent stays while an item of it still needs its id
      const needed = items.some((i) => i.parent === item.id && i.status !== 'synced');
      if (!needed && now - (item.syncedAt || 0) > KEEP_SYNCED_MS) { await tx('readwrite', (s) => s.delete(item.id)); }
      continue;
    }
    if (item.status !== 'waiting' || (!force && item.nextAt > now)) { continue; }
    const blocked = (item.dependsOn || []).concat(item.parent ? [item.parent] : []).some(function (dep) {
      const d = byId.get(dep);
      return d && d.status !== 'synced';
    });
    if (blocked) { continue; }
    const url = target(item, byId);
    if (!url) {
      // its parent is gone or came back without an id: nowhere to send it, the officer decides
      item.status = 'rejected';
      item.error = 'noParent';
      await put(item);
      notify();
      continue;
    }
    const outcome = await sendOne(item, url);
    notify();
    if (outcome === 'offline' || outcome === 'login') { break; }
    sent += 1;
  }
  return sent;
}

/**
 * Sends what is due, oldest first, photos before the inspections that use them. One sync at a
 * time per browser (Web Locks); the server's idempotency covers the rest.
 */
export function syncAll(force) {
  if (self.navigator && self.navigator.locks) {
    // when another page or the service worker is syncing, leave it to them
    return self.navigator.locks.request('anwang-outbox-sync', {ifAvailable: true},
      (lock) => (lock ? runSync(force) : 0));
  }
  return runSync(force);
}
