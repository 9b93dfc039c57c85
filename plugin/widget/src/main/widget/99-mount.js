/* Replybook widget, the last part: the public entry point the host adapters call. */
(function (global) {
  'use strict';

  var R = global.Replybook;

  /** Builds the panel in root for the given host adapter; returns the widget (its start() promise in .ready). */
  R.mount = function (root, host) {
    var w = new R.Widget(root, host);
    w.ready = w.start();
    return w;
  };
  R.pickLocale = R.util.pickLocale;
  R.el = R.util.el; // for replybook-guardrails.js
  R.clear = R.util.clear;
})(window);
