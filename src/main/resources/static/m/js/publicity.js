// A publicity activity (a lecture, a drill, leaflets, ...) recorded on the phone: queued in the
// outbox with its own UUID, which is also the activity's clientId, so a retried sync records it once.
// Its photos are queued after it, each with its own UUID (the Idempotency-Key), and sent once the
// activity is on the server, to that activity's photo endpoint (the outbox fills in its id).
import {t, el, getJson, syncNow, outbox} from './app.js';

const MAX_PHOTOS = 9;

function offset(d) {
  const off = -d.getTimezoneOffset();
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return (off >= 0 ? '+' : '-') + pad(off / 60) + ':' + pad(off % 60);
}

/** datetime-local's value with the phone's offset, as the API takes it. */
function withOffset(value) {
  return value ? (value.length === 16 ? value + ':00' : value) + offset(new Date(value)) : null;
}

async function init() {
  const form = document.getElementById('m-publicity-form');
  const list = document.getElementById('m-publicity-objects');
  const error = document.getElementById('m-publicity-error');
  const done = document.getElementById('m-publicity-done');
  const objects = new Map();
  try {
    const mine = await getJson('/api/v1/me/objects');
    (mine.items || []).forEach(function (o) {
      objects.set(String(o.id), o);
      const id = 'm-publicity-object-' + o.id;
      list.append(el('div', {class: 'form-check'},
        el('input', {class: 'form-check-input', type: 'checkbox', id: id, value: String(o.id)}),
        el('label', {class: 'form-check-label', for: id, text: o.name})));
    });
  } catch (e) { /* an activity may reach no listed object */ }
  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    error.classList.add('d-none');
    const place = document.getElementById('m-publicity-place').value.trim();
    const startsAt = withOffset(document.getElementById('m-publicity-start').value);
    const endsAt = withOffset(document.getElementById('m-publicity-end').value);
    if (!place || !startsAt || !endsAt) {
      error.textContent = startsAt && endsAt ? t('required') : error.dataset.time;
      error.classList.remove('d-none');
      return;
    }
    const photos = Array.from(document.getElementById('m-publicity-photos').files || []);
    if (photos.length > MAX_PHOTOS) {
      error.textContent = error.dataset.photos;
      error.classList.remove('d-none');
      return;
    }
    const reached = Array.from(list.querySelectorAll('input:checked')).map((c) => Number(c.value));
    const first = reached.length ? objects.get(String(reached[0])) : null;
    const id = outbox.uuid();
    document.getElementById('m-publicity-submit').disabled = true;
    await outbox.add({id: id, kind: 'publicity', url: '/api/v1/publicity-activities', label: place, json: {
      clientId: id,
      type: document.getElementById('m-publicity-type').value,
      startsAt: startsAt, endsAt: endsAt, place: place,
      audience: document.getElementById('m-publicity-audience').value.trim() || null,
      audienceSize: Number(document.getElementById('m-publicity-size').value || 0),
      materials: document.getElementById('m-publicity-materials').value.trim() || null,
      notes: document.getElementById('m-publicity-notes').value.trim() || null,
      gridCode: first ? first.gridCode || null : null,
      objectIds: reached,
      source: 'PHONE'}});
    for (const f of photos) {
      await outbox.add({id: outbox.uuid(), kind: 'publicityPhoto', parent: id, dependsOn: [id],
        url: '/api/v1/publicity-activities/{parent}/photos', blob: f,
        filename: f.name || 'photo.jpg', label: place + ' · ' + (f.name || '')});
    }
    syncNow(false);
    form.classList.add('d-none');
    done.dataset.id = id;
    done.replaceChildren(el('div', {text: navigator.onLine ? t('saved') : t('queued')}),
      el('a', {href: '/m/outbox', class: 'alert-link', text: t('waiting')}));
    done.classList.remove('d-none');
  });
}

init();
