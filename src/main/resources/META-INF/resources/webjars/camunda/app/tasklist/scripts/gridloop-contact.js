/*
 * GridLoop 回访联系 Contact: a Camunda 7 Tasklist task-detail tab (plugin point tasklist.task.detail,
 * an ES module loaded through customScripts in scripts/config.js).
 *
 * Residents' contact data (name, phone, e-mail) is never a process variable, so no Camunda Form can
 * show it: this tab asks GridLoop for it, GET /api/cases/{caseNumber}/contact with the Tasklist
 * session (same origin; GET needs no CSRF token). GridLoop answers whoever holds the case's
 * call-back task (its assignee, or a member of its group while it is open) and supervisors who give
 * a reason (?reason=); it logs every look, refused ones too, and refuses everyone else (403).
 * Nothing is fetched until the user asks: each click is one logged look. The case number comes
 * from the task's variable caseNumber (engine API, the group may read its case).
 *
 * Stable hooks for browser tests: #gridloop-contact, #gridloop-contact-reason, #gridloop-contact-show,
 * #gridloop-contact-details (dd#gridloop-contact-name, -phone, -email), #gridloop-contact-error.
 */

import { addStyle, el } from '../../gridloop-dom.js';

const STYLE = `
#gridloop-contact { padding: 10px 15px; }
#gridloop-contact .gridloop-contact-intro { color: #555; }
#gridloop-contact .gridloop-contact-reason { display: block; margin: 8px 0; }
#gridloop-contact .gridloop-contact-reason input { width: 100%; max-width: 480px; }
#gridloop-contact dl { margin-top: 10px; }
#gridloop-contact dd { font-size: 16px; margin-bottom: 6px; }
#gridloop-contact #gridloop-contact-error { color: #b5152b; }
`;



async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return { status: response.status, body };
}

/** The case number of the task (its variable caseNumber), or null for a task of no case. */
async function caseNumberOf(api, taskId) {
  const { status, body } = await getJson(api.engineApi + '/task/' + encodeURIComponent(taskId)
    + '/variables/caseNumber');
  return status === 200 && body && body.value ? String(body.value) : null;
}

function refusal(status, body) {
  if (status === 401) {
    return '未登录或会话已过期，请重新登录 Not logged in or session expired: log in again';
  }
  if (status === 403) {
    return '只有本案回访任务的办理人或说明原因的督办可以查看 Only whoever holds this case\'s call-back task, '
      + 'or a supervisor giving a reason, may see the resident\'s contact';
  }
  if (status === 400 && body && body.errors && body.errors.length) {
    return '请说明查看原因 Give a reason: ' + body.errors.map(e => e.field + ' ' + e.message).join('; ');
  }
  if (status === 404) {
    return '没有该案件 No such case';
  }
  return '联系方式接口出错 Contact API error: HTTP ' + status;
}

function render(node, { taskId, api }) {
  addStyle('gridloop-contact-style', STYLE);
  const reason = el('input', { id: 'gridloop-contact-reason', type: 'text', maxlength: 500, class: 'form-control',
    placeholder: '如：居民投诉回访未接通 e.g. the resident complained nobody called back' });
  const show = el('button', { id: 'gridloop-contact-show', type: 'button', class: 'btn btn-default' },
    '显示居民联系方式 Show the resident\'s contact');
  const details = el('dl', { id: 'gridloop-contact-details', hidden: true });
  const error = el('p', { id: 'gridloop-contact-error', role: 'alert', hidden: true });
  const root = el('div', { id: 'gridloop-contact' },
    el('p', { class: 'gridloop-contact-intro' },
      '居民联系方式仅供本案回访任务的办理人和说明原因的督办查看，每次查看都会记录（谁、何时、哪个案件、原因）。 '
      + 'Only whoever holds the case\'s call-back task, and supervisors who give a reason, may see the '
      + 'resident\'s contact; every look is logged (who, when, which case, why).'),
    el('label', { class: 'gridloop-contact-reason' }, '查看原因（督办必填）Reason (required for supervisors)', reason),
    show, details, error);
  node.appendChild(root);

  const fail = message => {
    details.hidden = true;
    details.replaceChildren();
    error.textContent = message;
    error.hidden = false;
  };

  show.addEventListener('click', async () => {
    show.disabled = true;
    error.hidden = true;
    try {
      const caseNumber = await caseNumberOf(api, taskId);
      if (!caseNumber) {
        fail('本任务不属于居民反映的案件，没有居民联系方式 This task belongs to no resident\'s case: no contact to show');
        return;
      }
      const query = reason.value.trim() ? '?reason=' + encodeURIComponent(reason.value.trim()) : '';
      const { status, body } = await getJson('/api/cases/' + encodeURIComponent(caseNumber) + '/contact' + query);
      if (status !== 200) {
        fail(refusal(status, body));
        return;
      }
      details.replaceChildren(
        el('dt', {}, '案件 Case'), el('dd', { id: 'gridloop-contact-case' }, body.caseNumber),
        el('dt', {}, '姓名 Name'), el('dd', { id: 'gridloop-contact-name' }, body.name || '—'),
        el('dt', {}, '电话 Phone'), el('dd', { id: 'gridloop-contact-phone' }, body.phone || '—'),
        el('dt', {}, '邮箱 E-mail'), el('dd', { id: 'gridloop-contact-email' }, body.email || '—'),
        el('dt', {}, '已记录 Logged'), el('dd', { id: 'gridloop-contact-logged' },
          new Date(body.readAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })));
      details.hidden = false;
    } catch (e) {
      fail('联系方式接口出错 Contact API error: ' + e.message);
    } finally {
      show.disabled = false;
    }
  });
}

export default {
  id: 'gridloop-contact',
  pluginPoint: 'tasklist.task.detail',
  // after Form (1000), before History (800)
  priority: 900,
  label: '回访联系 Contact',
  render
};
