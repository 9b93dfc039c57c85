/*
 * Replybook widget, part 10: the kb-server client. Every call goes through the host (which holds the token).
 * A call that fails for want of a connection (no answer, or 502/503/504/429 from a proxy or a busy server) is
 * tried again after 0.5, 1, 2 and 4 s; the head says so meanwhile and the panel carries data-connection="retrying"
 * (then "lost" when the last try failed too, and the head offers to try again).
 * Calls are retried only when they change nothing on the server (searches, reads, renders); usage events and
 * approval requests and decisions are not (options.once).
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var RETRY_DELAYS_MS = [500, 1000, 2000, 4000];
  var RETRYABLE = [0, 429, 502, 503, 504];

  /** True when e says the call did not get through (network error or a gateway's answer), not that it was refused. */
  function retryable(e) {
    var status = e && (e.status != null ? e.status : e.statusCode);
    return status == null || RETRYABLE.indexOf(Number(status)) >= 0;
  }

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  R.define({
    /**
     * Calls kb-server through the host: a Promise of the JSON answer. options.once: no retry (for calls that are
     * not safe to repeat, such as usage events).
     */
    api: function (method, path, body, options) {
      var self = this;
      var attempt = 0;
      function once() {
        return Promise.resolve(self.host.api(method, path, body)).then(function (res) {
          if (attempt) self.connectionBack();
          return res;
        }, function (e) {
          if (e && typeof e === 'object' && !e.call) e.call = method + ' ' + path; // which call, for the error's report
          if ((options && options.once) || !retryable(e)) throw e;
          if (attempt >= RETRY_DELAYS_MS.length) {
            self.root.setAttribute('data-connection', 'lost');
            throw e;
          }
          var delay = RETRY_DELAYS_MS[attempt++];
          self.connectionLost(attempt);
          return wait(delay).then(once);
        });
      }
      return once();
    },

    connectionLost: function (attempt) {
      this.root.setAttribute('data-connection', 'retrying');
      if (this.status) this.setStatus(this.t('retrying').replace('{0}', attempt), 'warn');
    },

    connectionBack: function () {
      if (this.root.getAttribute('data-connection') !== 'retrying') return;
      this.root.removeAttribute('data-connection');
      if (this.status && /rb-warn/.test(this.status.className)) this.setStatus('');
    }
  });

  /** The hits of a search answer, whatever its shape. */
  R.hitsOf = function (res) {
    if (!res) return [];
    if (Array.isArray(res)) return res;
    return res.hits || res.suggestions || res.entries || [];
  };
})(window);
