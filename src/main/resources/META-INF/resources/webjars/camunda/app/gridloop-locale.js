/*
 * GridLoop: dates in the browser's language (Tasklist and Cockpit both load this one file as a
 * custom script, '../gridloop-locale.js' from their config.js).
 *
 * The webapps load the preferred locale (zh) and the fallback (en) side by side, and each
 * loaded file registers its dateLocales with moment, which makes that locale moment's global one:
 * whichever file arrives last wins, so a zh browser could see "in a day" and "7 minutes ago".
 * Once Angular runs, this sets moment to the language angular-translate actually uses, again
 * after every locale file that finishes loading, and lets Angular redraw.
 */
(function followTranslateLanguage() {
  const started = Date.now();

  function hook() {
    const angular = window.angular;
    const injector = angular && angular.element(document.body).injector && angular.element(document.body).injector();
    if (!injector) {
      if (Date.now() - started < 60000) {
        setTimeout(hook, 100);
      }
      return;
    }
    let $translate;
    let moment;
    let $rootScope;
    try {
      $translate = injector.get('$translate');
      moment = injector.get('moment');
      $rootScope = injector.get('$rootScope');
    } catch (e) {
      return; // an app without these services: nothing to align
    }
    const apply = () => {
      const language = $translate.use() || $translate.proposedLanguage();
      if (language && moment.locales().indexOf(language) > -1 && moment.locale() !== language) {
        moment.locale(language);
        $rootScope.$applyAsync();
      }
    };
    ['$translateChangeSuccess', '$translateLoadingSuccess', '$translateLoadingEnd', '$translateRefreshEnd']
      .forEach(event => $rootScope.$on(event, () => setTimeout(apply, 0)));
    apply();
    // The fallback file may still be on its way: look again a few times.
    [500, 1500, 4000].forEach(delay => setTimeout(apply, delay));
  }

  hook();
})();

export default [];
