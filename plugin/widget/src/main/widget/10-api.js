/* Replybook widget, part 10: the kb-server client. Every call goes through the host (which holds the token). */
(function (global) {
  'use strict';

  var R = global.Replybook;

  R.define({
    /** Calls kb-server through the host: a Promise of the JSON answer. */
    api: function (method, path, body) {
      return Promise.resolve(this.host.api(method, path, body));
    }
  });

  /** The hits of a search answer, whatever its shape. */
  R.hitsOf = function (res) {
    if (!res) return [];
    if (Array.isArray(res)) return res;
    return res.hits || res.suggestions || res.entries || [];
  };
})(window);
