// Today's tasks: the server orders them by due date, then by distance from the phone.
import {t, el, getJson, position, riskBadge} from './app.js';

function fmtDistance(m) {
  if (m === null || m === undefined) { return ''; }
  return m < 1000 ? Math.round(m) + ' m' : (m / 1000).toFixed(1) + ' km';
}

function render(list, items) {
  list.replaceChildren();
  if (!items.length) {
    list.append(el('div', {class: 'list-group-item text-body-secondary', text: t('noTasks')}));
    return;
  }
  items.forEach(function (task) {
    const status = {DUE: t('due'), OVERDUE: t('overdue'), DONE: t('done')}[task.status] || task.status;
    const duty = task.kind && task.kind !== 'INSPECTION';
    const href = '/m/inspect/' + task.objectId + (duty
      ? '?kind=' + encodeURIComponent(task.kind) + '&ref=' + encodeURIComponent(task.reference || '')
        + '&title=' + encodeURIComponent(task.title || '')
      : (task.taskId ? '?taskId=' + task.taskId : ''));
    list.append(el('a', {class: 'list-group-item list-group-item-action m-task', href: href,
      'data-object-id': task.objectId, 'data-status': task.status, 'data-kind': task.kind || 'INSPECTION'},
    el('div', {class: 'd-flex gap-2 align-items-center'},
      el('strong', {class: 'me-auto', text: task.objectName}),
      duty ? el('span', {class: 'badge text-bg-info', text: t('kind.' + task.kind)}) : null,
      riskBadge(task.riskLevel)),
    duty && task.title ? el('div', {class: 'small fw-semibold m-task-title', text: task.title}) : null,
    el('div', {class: 'small text-body-secondary', text: task.objectAddress || ''}),
    el('div', {class: 'small'},
      el('span', {class: task.status === 'OVERDUE' ? 'text-danger fw-bold' : '', text: status}),
      ' · ' + t('dueDate') + ' ' + (task.dueDate || ''),
      task.distanceMeters !== null && task.distanceMeters !== undefined
        ? ' · ' + t('distance') + ' ' + fmtDistance(task.distanceMeters) : '')));
  });
}

async function load() {
  const list = document.getElementById('m-tasks');
  const note = document.getElementById('m-position');
  let items = null;
  try {
    items = (await getJson('/api/v1/tasks/mine')).items || [];
    render(list, items);
  } catch (e) {
    list.replaceChildren(el('div', {class: 'list-group-item text-danger', text: t('loadFailed')}));
  }
  const here = await position();
  if (!here) { note.textContent = t('noPosition'); return; }
  note.textContent = t('position') + ' ' + here.lon.toFixed(5) + ', ' + here.lat.toFixed(5);
  try {
    const near = await getJson('/api/v1/tasks/mine?lon=' + here.lon + '&lat=' + here.lat);
    render(list, near.items || []);
  } catch (e) {
    if (!items) { list.replaceChildren(el('div', {class: 'list-group-item text-danger', text: t('loadFailed')})); }
  }
}

load();
