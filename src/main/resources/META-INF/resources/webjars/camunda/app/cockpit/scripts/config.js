/*
 * GridLoop's Cockpit configuration. It replaces the webjar's scripts/config.js (Camunda 7.24),
 * whose settings are all defaults; only what is set below differs from them:
 *  - customScripts: the SLA dashboard plugin (督办时限看板), an ES module served from
 *    app/cockpit/scripts/gridloop-sla.js (route #/gridloop-sla, a "SLA 时限" header entry and a
 *    summary on the dashboard). It reads GridLoop's /api/sla/* with the Cockpit session.
 *  - locales: Chinese (zh) beside English. A browser whose first language is zh (zh-CN, zh-TW…)
 *    gets app/cockpit/locales/zh.json; a label zh.json lacks falls back to en.json.
 *    scripts/gridloop-locale.js keeps dates (moment) in that same language.
 */
export default {
  customScripts: ['../gridloop-locale.js', 'scripts/gridloop-sla.js'],
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  }
  // Everything else keeps Camunda's defaults: app name and vendor, requireJsConfig,
  // historicActivityInstanceMetrics, runtimeActivityInstanceMetrics, skipCustomListeners,
  // skipIoMappings, cascade, batchOperation, bpmnJs, defaultFilter, csrfCookieName ('XSRF-TOKEN'),
  // disableWelcomeMessage, userOperationLogAnnotationLength, previewHtml.
};
