/*
 * GridLoop SLA dashboard (督办时限看板): a Camunda 7 Cockpit frontend plugin (ES module, loaded
 * through customScripts in scripts/config.js). Three plugins:
 *   - cockpit.route      #/gridloop-sla: the dashboard page (#gridloop-sla)
 *   - cockpit.navigation "SLA 时限" in the header (#gridloop-sla-nav)
 *   - cockpit.dashboard  a summary on Cockpit's start page (#gridloop-sla-summary)
 * Figures come from GridLoop's /api/sla/* (same origin, the Cockpit session cookie goes along;
 * GET needs no CSRF token). Every case row links to its process instance in Cockpit
 * (#/process-instance/<id>); every count links to the drill-down list of its cases.
 *
 * Stable hooks for browser tests:
 *   #gridloop-sla, #gridloop-sla-refresh, #gridloop-sla-as-of, #gridloop-sla-error,
 *   .gridloop-sla-totals, .gridloop-sla-levels, .gridloop-sla-streets, .gridloop-sla-departments,
 *   .gridloop-sla-overdue, .gridloop-sla-due-soon, .gridloop-sla-escalations, .gridloop-sla-on-time,
 *   #gridloop-sla-cases (drill-down), .gridloop-sla-row[data-case-number][data-process-instance-id],
 *   a.gridloop-sla-instance-link, a.gridloop-sla-drill-down, #gridloop-sla-nav, #gridloop-sla-summary.
 */

import { addStyle, el } from '../../gridloop-dom.js';

const API = '/api/sla';
const ROUTE = '/gridloop-sla';
const REFRESH_MS = 60000;

const STYLE = `
#gridloop-sla, #gridloop-sla-summary { padding: 10px 15px; }
#gridloop-sla h1 { font-size: 22px; margin: 5px 0 10px; }
#gridloop-sla h2, #gridloop-sla-summary h2 { font-size: 16px; margin: 18px 0 6px; }
#gridloop-sla .gridloop-sla-meta { color: #666; margin-bottom: 8px; }
#gridloop-sla .gridloop-sla-grid { display: flex; flex-wrap: wrap; gap: 20px; }
#gridloop-sla .gridloop-sla-grid > section { flex: 1 1 360px; min-width: 320px; }
#gridloop-sla table, #gridloop-sla-summary table { width: 100%; border-collapse: collapse; }
#gridloop-sla th, #gridloop-sla td, #gridloop-sla-summary th, #gridloop-sla-summary td {
  border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
#gridloop-sla th, #gridloop-sla-summary th { background: #f4f4f4; font-weight: 600; }
#gridloop-sla td.num, #gridloop-sla th.num, #gridloop-sla-summary td.num { text-align: right; }
#gridloop-sla .gridloop-sla-late { color: #b5152b; font-weight: 600; }
#gridloop-sla .gridloop-sla-soon { color: #b36b00; }
#gridloop-sla .gridloop-sla-totals { display: flex; gap: 12px; flex-wrap: wrap; }
#gridloop-sla .gridloop-sla-total { border: 1px solid #ddd; border-radius: 3px; padding: 6px 12px; min-width: 150px; }
#gridloop-sla .gridloop-sla-total strong { display: block; font-size: 22px; }
#gridloop-sla #gridloop-sla-error { color: #b5152b; }
#gridloop-sla #gridloop-sla-cases { border: 1px solid #ccc; padding: 6px 10px; margin-top: 12px; }
`;

const LEVEL_HEADINGS = [
  ['在办案件 Open cases', 'openCases', 'casesUrl'],
  ['已超时 Overdue', 'overdueCases', 'overdueCasesUrl'],
  ['24 小时内到期 Due within 24 h', 'dueWithin24hCases', null]
];



async function getJson(path) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' }
  });
  if (response.status === 401) {
    throw new Error('未登录或会话已过期，请重新登录 Not logged in or session expired: log in again');
  }
  if (response.status === 403) {
    throw new Error('仅区级督办和管理员可查看 Only district supervisors and administrators may see the SLA figures');
  }
  if (!response.ok) {
    throw new Error('SLA 接口出错 SLA API error: HTTP ' + response.status);
  }
  return response.json();
}

function formatTime(iso) {
  if (!iso) {
    return '—';
  }
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

function formatMinutes(minutes) {
  if (minutes === null || minutes === undefined) {
    return '—';
  }
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) {
    return `${days} 天 ${hours} 小时 (${days} d ${hours} h)`;
  }
  if (hours > 0) {
    return `${hours} 小时 ${mins} 分 (${hours} h ${mins} min)`;
  }
  return `${mins} 分 (${mins} min)`;
}

function formatRate(rate) {
  return rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + ' %';
}

function instanceLink(row) {
  if (!row.processInstanceId) {
    return el('span', {}, '—');
  }
  return el('a', {
    class: 'gridloop-sla-instance-link',
    href: row.cockpitPath || ('#/process-instance/' + row.processInstanceId),
    title: '在 Cockpit 中打开流程实例 Open the process instance in Cockpit'
  }, row.caseNumber || row.processInstanceId);
}

function table(className, headings, rows) {
  return el('table', { class: 'cam-table ' + className },
    el('thead', {}, el('tr', {}, headings.map(h =>
      el('th', { class: h.num ? 'num' : null }, h.label)))),
    el('tbody', {}, rows.length ? rows : [el('tr', { class: 'gridloop-sla-empty' },
      el('td', { colspan: headings.length }, '暂无 None'))]));
}

function caseRow(row, cells) {
  return el('tr', {
    class: 'gridloop-sla-row',
    'data-case-number': row.caseNumber,
    'data-process-instance-id': row.processInstanceId
  }, cells.map(c => (c instanceof Node ? el('td', {}, c) : el('td', {}, c === null ? '—' : String(c)))));
}

/** The dashboard page. */
class SlaDashboard {
  constructor(node) {
    this.node = node;
    this.timer = null;
  }

  mount() {
    addStyle('gridloop-sla-style', STYLE);
    this.root = el('div', { id: 'gridloop-sla' });
    this.node.appendChild(this.root);
    this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  unmount() {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  async refresh() {
    const [open, overdue, dueSoon, escalations, onTime] = await Promise.allSettled([
      getJson(API + '/open'),
      getJson(API + '/overdue?limit=100'),
      getJson(API + '/due-soon?limit=100'),
      getJson(API + '/escalations?days=7&limit=200'),
      getJson(API + '/on-time')
    ]);
    const failed = [open, overdue, dueSoon, escalations, onTime].find(r => r.status === 'rejected');
    this.root.replaceChildren(this.header(open.value, failed && failed.reason));
    if (failed) {
      return;
    }
    this.root.appendChild(this.totals(open.value, escalations.value));
    this.root.appendChild(el('div', { class: 'gridloop-sla-grid' },
      this.groups('gridloop-sla-levels', '按层级在办案件 Open cases by level', '层级 Level', open.value.byLevel),
      this.groups('gridloop-sla-streets', '按镇街在办案件 Open cases by street', '镇街 Street', open.value.byStreet),
      this.groups('gridloop-sla-departments', '按部门在办案件 Open cases by department', '部门 Department',
        open.value.byDepartment, true)));
    this.cases = el('div', { id: 'gridloop-sla-cases', hidden: true });
    this.root.appendChild(this.cases);
    this.root.appendChild(this.steps('gridloop-sla-overdue', '当前超时 Overdue now', overdue.value, true));
    this.root.appendChild(this.steps('gridloop-sla-due-soon', '24 小时内到期 Due within 24 h', dueSoon.value, false));
    this.root.appendChild(this.escalations(escalations.value));
    this.root.appendChild(this.onTime(onTime.value));
  }

  header(open, error) {
    const refresh = el('button', { id: 'gridloop-sla-refresh', type: 'button', class: 'btn btn-default btn-sm' },
      '刷新 Refresh');
    refresh.addEventListener('click', () => this.refresh());
    return el('div', {},
      el('h1', {}, 'SLA 时限 督办看板 SLA dashboard'),
      el('div', { class: 'gridloop-sla-meta' },
        '数据时间 As of: ', el('span', { id: 'gridloop-sla-as-of' }, open ? formatTime(open.asOf) : '—'),
        ' (北京时间 Beijing time) ', refresh),
      error ? el('p', { id: 'gridloop-sla-error', role: 'alert' }, error.message) : null);
  }

  totals(open, escalations) {
    const box = (label, value, className) => el('div', { class: 'gridloop-sla-total ' + (className || '') },
      el('strong', {}, String(value)), label);
    return el('section', {},
      el('div', { class: 'gridloop-sla-totals' },
        box('在办案件 Open cases', open.totals.openCases, 'gridloop-sla-total-open'),
        box('已超时 Overdue', open.totals.overdueCases, 'gridloop-sla-total-overdue'),
        box('24 小时内到期 Due within 24 h', open.totals.dueWithin24hCases, 'gridloop-sla-total-due-soon'),
        box('待评价 Awaiting rating', open.totals.awaitingRating, 'gridloop-sla-total-awaiting-rating'),
        box('近 7 天升级 Escalations (7 days)', escalations.total, 'gridloop-sla-total-escalations')));
  }

  groups(className, title, keyHeading, groups, withReportIn) {
    const headings = [{ label: keyHeading }].concat(LEVEL_HEADINGS.map(h => ({ label: h[0], num: true })));
    if (withReportIn) {
      headings.push({ label: '待报到 Awaiting report-in', num: true });
    }
    const rows = groups.map(group => {
      const cells = [el('td', {}, group.name)];
      LEVEL_HEADINGS.forEach(([label, field, urlField]) => {
        const value = group[field];
        const content = urlField && value > 0
          ? this.drillDownLink(value, group[urlField], group.name + ' · ' + label)
          : String(value);
        cells.push(el('td', { class: 'num' + (field === 'overdueCases' && value > 0 ? ' gridloop-sla-late' : '') },
          content));
      });
      if (withReportIn) {
        cells.push(el('td', { class: 'num' }, String(group.awaitingReportIn || 0)));
      }
      return el('tr', { class: 'gridloop-sla-group', 'data-key': group.key }, cells);
    });
    return el('section', { class: className + '-section' }, el('h2', {}, title),
      table(className, headings, rows));
  }

  drillDownLink(value, url, title) {
    const link = el('a', { class: 'gridloop-sla-drill-down', href: '', 'data-url': url,
      title: '列出这些案件 List these cases' }, String(value));
    link.addEventListener('click', event => {
      event.preventDefault();
      this.showCases(url, title);
    });
    return link;
  }

  async showCases(url, title) {
    this.cases.hidden = false;
    this.cases.replaceChildren(el('h2', {}, title), el('p', {}, '加载中… Loading…'));
    try {
      const body = await getJson(url);
      const close = el('button', { type: 'button', class: 'btn btn-default btn-xs' }, '关闭 Close');
      close.addEventListener('click', () => { this.cases.hidden = true; });
      this.cases.replaceChildren(
        el('h2', {}, title + ` (${body.rows.length} / ${body.total}) `, close),
        this.stepTable('gridloop-sla-cases-table', body.rows));
      this.cases.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } catch (error) {
      this.cases.replaceChildren(el('p', { class: 'gridloop-sla-late' }, error.message));
    }
  }

  stepTable(className, rows, late) {
    return table(className, [
      { label: '案件 Case' }, { label: '环节 Step' }, { label: '责任单位 Unit' },
      { label: '时限 Due' }, { label: late ? '超时 Overdue by' : '剩余 Time left' }, { label: '升级 Escalated' }
    ], rows.map(row => caseRow(row, [
      instanceLink(row),
      row.stepName || row.step,
      row.unitName || row.unitGroup || '—',
      formatTime(row.dueAt),
      el('span', { class: row.overdueMinutes !== null && row.overdueMinutes !== undefined
        ? 'gridloop-sla-late' : 'gridloop-sla-soon' },
        row.overdueMinutes !== null && row.overdueMinutes !== undefined
          ? formatMinutes(row.overdueMinutes) : formatMinutes(row.dueInMinutes)),
      row.escalated ? '是 Yes' : '否 No'
    ])));
  }

  steps(className, title, body, late) {
    return el('section', { class: className + '-section' },
      el('h2', {}, `${title} (${body.total})`),
      this.stepTable(className, body.rows, late),
      body.total > body.rows.length
        ? el('p', { class: 'gridloop-sla-meta' }, `仅显示前 ${body.rows.length} 条 Showing the first ${body.rows.length}`)
        : null);
  }

  escalations(body) {
    const rows = body.rows.map(row => caseRow(row, [
      instanceLink(row),
      row.kindLabel || row.kind,
      row.unitName || row.unitGroup || '—',
      formatTime(row.at),
      row.reason || '—',
      row.caseOpen ? '在办 Open' : '已结 Closed'
    ]));
    return el('section', { class: 'gridloop-sla-escalations-section' },
      el('h2', {}, `近 ${body.days} 天升级 Escalations, last ${body.days} days (${body.total})`),
      table('gridloop-sla-escalations', [
        { label: '案件 Case' }, { label: '类型 Kind' }, { label: '单位 Unit' }, { label: '时间 When' },
        { label: '原因 Reason' }, { label: '状态 Status' }
      ], rows));
  }

  onTime(body) {
    const rows = body.byLevel.concat([body.total]).map(level => el('tr', {
      class: 'gridloop-sla-group', 'data-key': level.level
    },
    el('td', {}, level.label),
    el('td', { class: 'num' }, String(level.ended)),
    el('td', { class: 'num' }, String(level.onTime)),
    el('td', { class: 'num' }, level.late > 0
      ? this.drillDownLink(level.late, level.lateCasesUrl, level.label + ' · 本月超时 Late this month')
      : String(level.late)),
    el('td', { class: 'num' }, formatRate(level.rate))));
    return el('section', { class: 'gridloop-sla-on-time-section' },
      el('h2', {}, `本月按时办结率 On-time rate this month (${body.month})`),
      table('gridloop-sla-on-time', [
        { label: '层级 Level' }, { label: '已办结环节 Steps ended', num: true },
        { label: '按时 On time', num: true }, { label: '超时 Late', num: true },
        { label: '按时率 Rate', num: true }
      ], rows));
  }
}

/** The summary on Cockpit's dashboard. */
async function renderSummary(node) {
  addStyle('gridloop-sla-style', STYLE);
  const root = el('div', { id: 'gridloop-sla-summary' },
    el('h2', {}, 'SLA 时限 督办 SLA supervision'));
  node.appendChild(root);
  try {
    const open = await getJson(API + '/open');
    root.appendChild(table('gridloop-sla-summary-levels',
      [{ label: '层级 Level' }, { label: '在办 Open', num: true }, { label: '已超时 Overdue', num: true },
        { label: '24 小时内到期 Due within 24 h', num: true }],
      open.byLevel.map(level => el('tr', { 'data-key': level.key },
        el('td', {}, level.name),
        el('td', { class: 'num' }, String(level.openCases)),
        el('td', { class: 'num' }, String(level.overdueCases)),
        el('td', { class: 'num' }, String(level.dueWithin24hCases))))));
    root.appendChild(el('p', {}, el('a', { href: '#' + ROUTE, class: 'gridloop-sla-open-dashboard' },
      '打开 SLA 时限看板 Open the SLA dashboard')));
  } catch (error) {
    root.appendChild(el('p', { class: 'gridloop-sla-meta' }, error.message));
  }
}

let current = null;

export default [
  {
    id: 'gridloop-sla-route',
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path: ROUTE },
    render: node => {
      if (current) {
        current.unmount();
      }
      current = new SlaDashboard(node);
      current.mount();
    },
    unmount: () => {
      if (current) {
        current.unmount();
        current = null;
      }
    }
  },
  {
    id: 'gridloop-sla-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: ROUTE },
    render: node => {
      node.appendChild(el('a', { id: 'gridloop-sla-nav', href: '#' + ROUTE }, 'SLA 时限'));
    }
  },
  {
    id: 'gridloop-sla-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 50,
    render: node => {
      renderSummary(node);
    }
  }
];
