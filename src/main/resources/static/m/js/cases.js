// Open cases in my scope, those in my grids first, and my reports still waiting to sync.
import {t, el, getJson, outbox, ready} from './app.js';

async function load() {
  await ready;
  const list = document.getElementById('m-cases');
  list.replaceChildren();
  const waiting = (await outbox.all()).filter((i) => i.kind === 'case' && i.status !== 'synced');
  waiting.forEach(function (i) {
    list.append(el('div', {class: 'list-group-item list-group-item-warning m-case-waiting', 'data-id': i.id},
      el('strong', {text: i.label}), el('div', {class: 'small', text: t('waiting')})));
  });
  let cases;
  let mine;
  try {
    [cases, mine] = await Promise.all([getJson('/api/v1/cases?open=true&size=100'),
      getJson('/api/v1/me/objects').catch(() => ({gridCodes: []}))]);
  } catch (e) {
    list.append(el('div', {class: 'list-group-item text-danger', text: t('loadFailed')}));
    return;
  }
  const myGrids = new Set(mine.gridCodes || []);
  const items = (cases.items || []).slice().sort(function (a, b) {
    return (myGrids.has(b.gridCode) ? 1 : 0) - (myGrids.has(a.gridCode) ? 1 : 0);
  });
  if (!items.length && !waiting.length) {
    list.append(el('div', {class: 'list-group-item text-body-secondary', text: t('noCases')}));
  }
  items.forEach(function (c) {
    const light = {GREEN: 'success', YELLOW: 'warning', RED: 'danger'}[c.light] || 'secondary';
    list.append(el('a', {class: 'list-group-item list-group-item-action m-case', href: '/cases/' + c.id,
      'data-id': c.id},
    el('div', {class: 'd-flex gap-2 align-items-center'},
      el('span', {class: 'badge text-bg-' + light, text: '●'}),
      el('strong', {class: 'me-auto', text: c.title}),
      myGrids.has(c.gridCode) ? el('span', {class: 'badge text-bg-info', text: t('myGrid')}) : null),
    el('div', {class: 'small text-body-secondary', text: c.number + ' · ' + c.status
      + (c.stageDueAt ? ' · ' + t('dueDate') + ' ' + c.stageDueAt.slice(0, 10) : '')})));
  });
}

load();
