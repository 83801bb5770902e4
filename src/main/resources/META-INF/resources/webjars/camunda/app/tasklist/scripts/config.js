/*
 * GridLoop's Tasklist configuration. It replaces the webjar's scripts/config.js (Camunda 7.24):
 * the keyboard shortcuts below are the webjar's own; what GridLoop adds is the locales and two
 * custom scripts.
 * A browser whose first language is zh (zh-CN, zh-TW…) gets app/tasklist/locales/zh.json; a label
 * zh.json lacks falls back to en.json. scripts/gridloop-locale.js keeps dates (moment) in that
 * same language. scripts/gridloop-contact.js is the 回访联系 Contact tab of a task: the resident's
 * contact for whoever holds the call-back (GET /api/cases/{caseNumber}/contact, every look logged).
 */
export default {
  customScripts: ['../gridloop-locale.js', 'scripts/gridloop-contact.js'],
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },

  // Everything else keeps Camunda's defaults (app name and vendor, dateFormat, requireJsConfig,
  // csrfCookieName, disableWelcomeMessage, assignProcessInstanceIdToTaskComment).

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
