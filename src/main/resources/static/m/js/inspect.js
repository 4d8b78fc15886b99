// An inspection on site: the object's checklist (cached for offline), answers with notes and
// photos, the person in charge's signature drawn with a finger, findings and the position. On
// submit the photos and then the inspection go to the outbox, each with its own UUID; the
// inspection lists its photos' UUIDs, so it is sent only after they are.
import {t, el, getJson, position, enqueue, outbox, riskBadge} from './app.js';

const objectId = Number(location.pathname.split('/').pop());
const query = new URLSearchParams(location.search);
const taskId = Number(query.get('taskId')) || null;
// a duty task (a document to deliver) opens the page with its kind, reference and title preset
const presetKind = query.get('kind');
const reference = query.get('ref') || null;
const dutyTitle = query.get('title') || '';
const startedAt = new Date();
let checklist = null;
let here = null;

function isoLocal(d) {
  const off = -d.getTimezoneOffset();
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours())
    + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + (off >= 0 ? '+' : '-') + pad(off / 60) + ':' + pad(off % 60);
}

function answerControl(item) {
  const name = 'answer-' + item.key;
  if (item.answerType === 'YES_NO_NA') {
    const group = el('div', {class: 'btn-group m-answer', role: 'group'});
    [['YES', t('yes'), 'success'], ['NO', t('no'), 'danger'], ['NA', t('na'), 'secondary']].forEach(function ([v, label, c]) {
      const id = name + '-' + v;
      group.append(el('input', {type: 'radio', class: 'btn-check', name: name, id: id, value: v, autocomplete: 'off'}),
        el('label', {class: 'btn btn-outline-' + c, htmlFor: id, text: label}));
    });
    return group;
  }
  if (item.answerType === 'NUMBER') {
    return el('input', {type: 'number', class: 'form-control', name: name, step: 'any', inputMode: 'decimal'});
  }
  if (item.answerType === 'TEXT') {
    return el('input', {type: 'text', class: 'form-control', name: name, maxLength: 1000});
  }
  return null;
}

function renderChecklist() {
  const box = document.getElementById('m-items');
  box.replaceChildren();
  document.getElementById('m-checklist-name').textContent = checklist.name + ' v' + checklist.version;
  checklist.items.forEach(function (item) {
    const card = el('fieldset', {class: 'border rounded p-2 m-item', 'data-key': item.key},
      el('legend', {class: 'fs-6 mb-1 float-none w-auto', text: item.text}),
      item.legalBasis ? el('div', {class: 'small text-body-secondary mb-1', text: item.legalBasis}) : null,
      answerControl(item),
      el('input', {type: 'text', class: 'form-control form-control-sm mt-1', name: 'note-' + item.key,
        placeholder: t('note'), maxLength: 1000}),
      el('label', {class: 'small mt-1 d-block', text: t('photo') + (item.photoRequired || item.answerType === 'PHOTO' ? ' *' : '')},
        el('input', {type: 'file', class: 'form-control form-control-sm', name: 'photo-' + item.key,
          accept: 'image/*', capture: 'environment', multiple: true})));
    box.append(card);
  });
}

function signaturePad() {
  const canvas = document.getElementById('m-signature');
  const ctx = canvas.getContext('2d');
  let drawing = false;
  let drawn = false;
  function point(e) {
    const r = canvas.getBoundingClientRect();
    return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
  }
  canvas.addEventListener('pointerdown', function (e) {
    drawing = true;
    canvas.setPointerCapture(e.pointerId);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
    ctx.beginPath();
    ctx.moveTo(...point(e));
  });
  canvas.addEventListener('pointermove', function (e) {
    if (!drawing) { return; }
    ctx.lineTo(...point(e));
    ctx.stroke();
    drawn = true;
  });
  const stop = function () { drawing = false; };
  canvas.addEventListener('pointerup', stop);
  canvas.addEventListener('pointercancel', stop);
  document.getElementById('m-signature-clear').addEventListener('click', function () {
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    drawn = false;
  });
  return () => (drawn ? canvas.toDataURL('image/png') : null);
}

function files(input) {
  return input ? Array.from(input.files || []) : [];
}

function kind() {
  return document.getElementById('m-kind').value;
}

/** Inspections answer the checklist; deliveries and publicity visits record who received what. */
function showKind() {
  const inspecting = kind() === 'INSPECTION';
  document.getElementById('m-items').classList.toggle('d-none', !inspecting);
  document.getElementById('m-checklist-name').classList.toggle('d-none', !inspecting);
  document.getElementById('m-inspect-submit').disabled = inspecting && !checklist;
}

async function submit(event, signature) {
  event.preventDefault();
  const form = document.getElementById('m-inspect-form');
  const error = document.getElementById('m-inspect-error');
  error.classList.add('d-none');
  const photos = [];
  const answers = [];
  const drawn = signature();
  if (kind() === 'DOCUMENT_DELIVERY' && (!document.getElementById('m-signer').value.trim() || !drawn)) {
    error.textContent = t('signerRequired');
    error.classList.remove('d-none');
    return;
  }
  const items = kind() === 'INSPECTION' && checklist ? checklist.items : [];
  for (const item of items) {
    let answer = null;
    if (item.answerType === 'YES_NO_NA') {
      const checked = form.querySelector('input[name="answer-' + CSS.escape(item.key) + '"]:checked');
      answer = checked ? checked.value : null;
    } else if (item.answerType === 'NUMBER' || item.answerType === 'TEXT') {
      const v = form.querySelector('[name="answer-' + CSS.escape(item.key) + '"]').value.trim();
      answer = v || null;
    }
    const itemFiles = files(form.querySelector('[name="photo-' + CSS.escape(item.key) + '"]'));
    if (item.answerType !== 'PHOTO' && answer === null) {
      error.textContent = t('answerMissing', item.text);
      error.classList.remove('d-none');
      return;
    }
    if ((item.photoRequired || item.answerType === 'PHOTO') && !itemFiles.length && answer !== 'NA') {
      error.textContent = t('photo') + ': ' + item.text;
      error.classList.remove('d-none');
      return;
    }
    const ids = itemFiles.map(function (f) { const id = outbox.uuid(); photos.push({id: id, file: f}); return id; });
    answers.push({key: item.key, answer: answer,
      note: form.querySelector('[name="note-' + CSS.escape(item.key) + '"]').value.trim() || null, photoIds: ids});
  }
  const general = files(document.getElementById('m-photos')).map(function (f) {
    const id = outbox.uuid();
    photos.push({id: id, file: f});
    return id;
  });
  document.getElementById('m-inspect-submit').disabled = true;
  const name = document.getElementById('m-object-name').dataset.name || ('#' + objectId);
  for (const p of photos) {
    await outbox.add({id: p.id, kind: 'photo', url: '/api/v1/inspections/photos', blob: p.file,
      filename: p.file.name || 'photo.jpg', label: name + ' · ' + (p.file.name || '')});
  }
  const id = outbox.uuid();
  await enqueue({id: id, kind: 'inspection', url: '/api/v1/inspections', label: name,
    dependsOn: photos.map((p) => p.id), json: {
      clientId: id,
      kind: kind(),
      objectId: objectId,
      taskId: kind() === 'INSPECTION' ? taskId : null,
      checklistId: kind() === 'INSPECTION' ? checklist.id : null,
      reference: kind() === presetKind ? reference : null,
      startedAt: isoLocal(startedAt),
      endedAt: isoLocal(new Date()),
      lon: here ? here.lon : null,
      lat: here ? here.lat : null,
      accuracyMeters: here ? here.accuracy : null,
      answers: answers,
      signature: drawn,
      signerName: document.getElementById('m-signer').value.trim() || null,
      findings: document.getElementById('m-findings').value.trim() || null,
      photoIds: general}});
  form.classList.add('d-none');
  const done = document.getElementById('m-inspect-done');
  done.dataset.id = id;
  done.replaceChildren(el('div', {text: navigator.onLine ? t('saved') : t('queued')}),
    el('a', {href: '/m/outbox', class: 'alert-link', text: t('waiting')}));
  done.classList.remove('d-none');
  watchResult(id);
}

/** Once the inspection is on the server, offers a case for each failed item. */
function watchResult(id) {
  const show = async function () {
    const item = await outbox.get(id);
    if (!item || item.status !== 'synced' || !item.result) { return false; }
    const box = document.getElementById('m-inspect-failed');
    box.replaceChildren();
    (item.result.failedItems || []).forEach(function (f) {
      const button = el('button', {type: 'button', class: 'btn btn-danger m-item-case', 'data-key': f.key,
        text: t('reportCase') + ' · ' + (f.text || f.key)});
      button.addEventListener('click', async function () {
        button.disabled = true;
        await enqueue({id: outbox.uuid(), kind: 'itemCase', inspectionId: item.result.id, itemKey: f.key,
          label: f.text || f.key, json: {},
          url: '/api/v1/inspections/' + item.result.id + '/items/' + encodeURIComponent(f.key) + '/case'});
        button.textContent = t('caseReported');
      });
      box.append(button);
    });
    return true;
  };
  outbox.onChange(show);
  show();
}

async function init() {
  const signature = signaturePad();
  position().then(function (p) {
    here = p;
    document.getElementById('m-inspect-position').textContent = p
      ? t('position') + ' ' + p.lon.toFixed(5) + ', ' + p.lat.toFixed(5) + ' (±' + Math.round(p.accuracy) + ' m)'
      : t('noPosition');
  });
  getJson('/api/v1/me/objects').then(function (mine) {
    const o = (mine.items || []).find((x) => x.id === objectId);
    if (o) {
      const title = document.getElementById('m-object-name');
      title.dataset.name = o.name;
      title.replaceChildren(o.name, ' ', riskBadge(o.riskLevel) || '');
      document.getElementById('m-object-address').textContent = o.address || '';
    }
  }).catch(() => null);
  const select = document.getElementById('m-kind');
  if (presetKind && Array.from(select.options).some((o) => o.value === presetKind)) {
    select.value = presetKind;
  }
  if (presetKind === 'DOCUMENT_DELIVERY' && dutyTitle) {
    const duty = document.getElementById('m-duty');
    duty.textContent = t('delivering', dutyTitle);
    duty.classList.remove('d-none');
  }
  select.addEventListener('change', showKind);
  document.getElementById('m-inspect-form').addEventListener('submit', (e) => submit(e, signature));
  showKind();
  try {
    checklist = await getJson('/api/v1/checklists/for-object/' + objectId);
  } catch (e) {
    document.getElementById('m-items').replaceChildren(el('div', {class: 'alert alert-warning', text: t('noChecklist')}));
    showKind();
    return;
  }
  renderChecklist();
  showKind();
}

init();
