// What waits to sync, with the error of each item and a retry; synced inspections offer a case
// for each failed item in one tap.
import {t, el, outbox, syncNow, enqueue, ready} from './app.js';

function when(ms) {
  return ms ? new Date(ms).toLocaleTimeString() : '';
}

function statusBadge(item) {
  const cls = {waiting: 'warning', synced: 'success', rejected: 'danger'}[item.status] || 'secondary';
  return el('span', {class: 'badge text-bg-' + cls + ' m-status', text: t(item.status)});
}

function failedItems(item, all) {
  const result = item.result;
  if (item.kind !== 'inspection' || !result || !result.failedItems || !result.failedItems.length) { return null; }
  const box = el('div', {class: 'mt-2 vstack gap-1'}, el('div', {class: 'small fw-bold', text: t('failedItems')}));
  result.failedItems.forEach(function (f) {
    const requested = all.find((i) => i.kind === 'itemCase' && i.inspectionId === result.id && i.itemKey === f.key);
    const caseId = f.caseId || (requested && requested.result && requested.result.caseId);
    const row = el('div', {class: 'd-flex gap-2 align-items-center'}, el('span', {class: 'small me-auto', text: f.text || f.key}));
    if (caseId) {
      row.append(el('a', {class: 'btn btn-sm btn-outline-success', href: '/cases/' + caseId, text: t('caseReported')}));
    } else if (requested) {
      row.append(statusBadge(requested));
    } else {
      const button = el('button', {type: 'button', class: 'btn btn-sm btn-danger m-item-case',
        'data-key': f.key, text: t('reportCase')});
      button.addEventListener('click', async function () {
        button.disabled = true;
        await enqueue({id: outbox.uuid(), kind: 'itemCase', inspectionId: result.id, itemKey: f.key,
          label: (f.text || f.key), json: {},
          url: '/api/v1/inspections/' + result.id + '/items/' + encodeURIComponent(f.key) + '/case'});
        render();
      });
      row.append(button);
    }
    box.append(row);
  });
  return box;
}

async function render() {
  const list = document.getElementById('m-outbox');
  const items = await outbox.all();
  list.replaceChildren();
  if (!items.length) {
    list.append(el('li', {class: 'list-group-item text-body-secondary', text: t('emptyOutbox')}));
    return;
  }
  items.slice().reverse().forEach(function (item) {
    const li = el('li', {class: 'list-group-item m-outbox-item', 'data-id': item.id,
      'data-kind': item.kind, 'data-status': item.status},
    el('div', {class: 'd-flex gap-2 align-items-center'},
      el('span', {class: 'badge text-bg-light border', text: t('kind.' + item.kind)}),
      el('span', {class: 'me-auto text-truncate', text: item.label || ''}),
      statusBadge(item)),
    el('div', {class: 'small text-body-secondary', text: when(item.createdAt)
      + (item.attempts ? ' · ' + t('attempts') + ' ' + item.attempts : '')
      + (item.status === 'waiting' && item.nextAt > Date.now() ? ' · ' + t('nextTry') + ' ' + when(item.nextAt) : '')}));
    if (item.error) {
      li.append(el('div', {class: 'small text-danger m-error',
        text: {network: t('offline'), login: t('loginNeeded'), noParent: t('noParent')}[item.error] || item.error}));
    }
    if (item.kind === 'inspection' && item.result && item.result.outsideAllowedArea) {
      li.append(el('div', {class: 'small text-warning', text: t('outside')}));
    }
    if (item.status !== 'synced') {
      const actions = el('div', {class: 'mt-1 d-flex gap-2'});
      const retry = el('button', {type: 'button', class: 'btn btn-sm btn-outline-primary m-retry', text: t('retry')});
      retry.addEventListener('click', async function () { await outbox.retry(item.id); await syncNow(true); render(); });
      actions.append(retry);
      if (item.status === 'rejected') {
        const discard = el('button', {type: 'button', class: 'btn btn-sm btn-outline-danger', text: t('discard')});
        discard.addEventListener('click', async function () { await outbox.remove(item.id); render(); });
        actions.append(discard);
      }
      li.append(actions);
    }
    const failed = failedItems(item, items);
    if (failed) { li.append(failed); }
    list.append(li);
  });
}

document.getElementById('m-sync-now').addEventListener('click', async function () {
  await syncNow(true);
  render();
});
outbox.onChange(render);
window.addEventListener('online', () => setTimeout(render, 500));
ready.then(render);
