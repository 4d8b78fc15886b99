// Report a hazard: queued in the outbox with its own UUID as Idempotency-Key, sent when online.
import {t, el, getJson, position, enqueue, outbox} from './app.js';

let here = null;

async function init() {
  const form = document.getElementById('m-report-form');
  const select = document.getElementById('m-report-object');
  const error = document.getElementById('m-report-error');
  const done = document.getElementById('m-report-done');
  const objects = new Map();
  try {
    const mine = await getJson('/api/v1/me/objects');
    (mine.items || []).forEach(function (o) {
      objects.set(String(o.id), o);
      select.append(el('option', {value: String(o.id), text: o.name}));
    });
  } catch (e) { /* reporting works without an object */ }
  const preset = new URLSearchParams(location.search).get('objectId');
  if (preset && objects.has(preset)) { select.value = preset; }
  position().then(function (p) {
    here = p;
    document.getElementById('m-report-position').textContent = p
      ? t('position') + ' ' + p.lon.toFixed(5) + ', ' + p.lat.toFixed(5) : t('noPosition');
  });
  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    error.classList.add('d-none');
    const title = document.getElementById('m-report-title').value.trim();
    const description = document.getElementById('m-report-description').value.trim();
    if (!title || !description) {
      error.textContent = t('required');
      error.classList.remove('d-none');
      return;
    }
    const object = objects.get(select.value);
    let lon = here ? here.lon : null;
    let lat = here ? here.lat : null;
    if (lon === null && object && object.lon !== null) { lon = object.lon; lat = object.lat; }
    const id = outbox.uuid();
    document.getElementById('m-report-submit').disabled = true;
    await enqueue({id: id, kind: 'case', url: '/api/v1/cases', label: title, json: {
      type: document.getElementById('m-report-type').value,
      source: 'OFFICER_INSPECTION',
      objectId: object ? object.id : null,
      lon: lon, lat: lat,
      address: document.getElementById('m-report-address').value.trim() || (object ? object.address : null),
      title: title, description: description}});
    form.reset();
    form.classList.add('d-none');
    done.dataset.id = id;
    done.replaceChildren(el('div', {text: navigator.onLine ? t('saved') : t('queued')}),
      el('a', {href: '/m/outbox', class: 'alert-link', text: t('waiting')}));
    done.classList.remove('d-none');
  });
}

init();
