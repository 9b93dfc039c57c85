/*
 * Replybook widget: the search-and-insert panel shown next to a help-desk's reply editor.
 *
 * Built from the parts in plugin/widget/src/main/widget/ (NN-name.js, joined in name order into
 * replybook-widget.js, and NN-name.css into replybook-widget.css); this part, the core, comes first.
 *
 * Contract: Replybook.mount(rootElement, host) builds the panel inside rootElement and returns the widget.
 * The host adapter (one per help-desk) supplies everything outside the panel:
 *   host.name                      'rt' | 'zendesk' (recorded with usage events)
 *   host.context()  -> Promise of {ticketId, subject, messages:[{author:'customer'|'agent', text, at}],
 *                                  customer:{name, tags:[]}, order:{id, amount}, agent:{name},
 *                                  locale (the agent's), channel ('chat'|'email'|'sms'|'review'), vars:{...},
 *                                  product (optional: the ticket's product or order line, sent with usage events),
 *                                  shop (optional: the key of the ticket's shop in kb-server, from the help-desk's
 *                                  queue or brand; the panel then works in that shop, see part 25),
 *                                  clock (optional: {openedAt, waitingSince, resolved} over the whole history, ISO
 *                                  times; without it the clock is worked out from the messages' times, at)}
 *   host.api(method, path, body) -> Promise of the kb-server JSON response (the host holds the token)
 *   host.insert({html, text})    -> Promise; inserts at the caret of the reply editor, set apart from text around it
 *   host.editorText()            -> optional: Promise of the reply editor's text (to not greet twice)
 *   host.resize()                   optional; called after the panel's height may have changed
 *   host.consoleUrl(path)        -> optional: the kb-server console's address of path, for links (a captured case)
 * A failed host.api call's error carries the HTTP status (error.status) when there was an answer, none when the
 * connection failed: the widget retries only the latter (and 502/503/504/429).
 * No framework; every piece of server data reaches the DOM through textContent or attributes.
 * Written in ES5 so that help-desk asset minifiers (RT's) accept it.
 *
 * Extension points, for a part (a new file NN-name.js) that adds to the widget:
 *   Replybook.define({name: function () {…}})  methods on every widget; a name defined twice is an error
 *   Replybook.on(event, function (w, data) {…}) runs for every widget when it emits event (list below)
 *   Replybook.beforeInsert(function (w, reply) {…}) a check before each insert: return nothing to allow it, or
 *                                  {name, message, focus} (focus: an element) to stop it, said beside Insert; may
 *                                  return a Promise of either
 *   Replybook.prepareInsert(function (w, reply) {…}) changes the reply {html, text, notes} about to be inserted
 *                                  (returns it or a Promise of it), after the checks allowed it
 *   Replybook.panel({name, title, order, build: function (w, container) {…}}) a tab beside the scripts
 *                                  (title: a message key; the tab bar shows once there are two panels)
 *   Replybook.warningText(function (w, warning) {…}) words a render warning ("kind:detail") in the agent's
 *                                  language, or returns null to leave it to the others
 * Events: 'init' (set up the part's state), 'context' (the host's ticket context is in w.ctx), 'built' (the
 * panel's DOM exists), 'hits' ({hits, result, source}), 'entry' ({entry, folded}: add sections to the entry's
 * folded details, below Insert), 'rendered' ({result}), 'edited' (the agent changed the preview's words),
 * 'inserted' ({reply, entry}), 'event' ({event}: add fields to a usage event before it is sent).
 */
(function (global) {
  'use strict';

  var R = global.Replybook = global.Replybook || {};
  var handlers = {};
  var checks = [];
  var panels = [];

  R.TONES = ['standard', 'warm', 'lively', 'formal'];
  R.CHANNELS = ['chat', 'email', 'sms', 'review'];

  /** Picks the bundle for an agent locale such as 'zh_CN', 'zh-Hant-TW', 'zh-hk' or 'en-US'. */
  function pickLocale(locale) {
    var l = String(locale || '').toLowerCase().replace(/_/g, '-');
    if (l.indexOf('zh') === 0) {
      return /hant|tw|hk|mo/.test(l) ? 'zh-TW' : 'zh-CN';
    }
    return 'en';
  }

  /** Guesses the customer's script locale from their text, to prefer entries they can read. */
  function guessTextLocale(text) {
    var s = String(text || '');
    if (!/[\u3400-\u9fff]/.test(s)) return 'en';
    var trad = (s.match(/[這們個說還沒發貨運無過後時會對與為開關問題單訂達遞擔歲麼麼裡]/g) || []).length;
    var simp = (s.match(/[这们个说还没发货运无过后时会对与为开关问题单订达递担岁么里]/g) || []).length;
    return trad > simp ? 'zh-TW' : 'zh-CN';
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = String(text);
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /** Sets a dotted path ('order.id') in a nested object. */
  function setPath(obj, path, value) {
    var parts = path.split('.');
    var o = obj;
    for (var i = 0; i < parts.length - 1; i++) {
      if (typeof o[parts[i]] !== 'object' || o[parts[i]] === null) o[parts[i]] = {};
      o = o[parts[i]];
    }
    o[parts[parts.length - 1]] = value;
  }

  function now() {
    return global.performance && performance.now ? performance.now() : Date.now();
  }

  R.util = {
    el: el, clear: clear, setPath: setPath, now: now, pickLocale: pickLocale, guessTextLocale: guessTextLocale
  };

  function Widget(root, host) {
    this.root = root;
    this.host = host;
    this.openedAt = now();
    this.msgs = global.ReplybookMessages.en;
    this.ctx = null;
    this.timers = {};
    this.pending = {};  // debounced calls not yet run, by name
    this.emit('init', {});
  }
  R.Widget = Widget;

  R.define = function (methods) {
    Object.keys(methods).forEach(function (name) {
      if (Widget.prototype[name]) throw new Error('Replybook: widget method "' + name + '" defined twice');
      Widget.prototype[name] = methods[name];
    });
  };

  R.on = function (event, fn) {
    (handlers[event] = handlers[event] || []).push(fn);
  };

  R.beforeInsert = function (check) {
    checks.push(check);
  };

  R.panel = function (spec) {
    panels.push(spec);
    panels.sort(function (a, b) { return (a.order || 0) - (b.order || 0); });
  };

  R.define({
    t: function (key) {
      var v = this.msgs[key];
      if (v == null) throw new Error('Replybook: missing message "' + key + '"');
      return v;
    },

    /** Runs the handlers of event with data; a failing handler is logged and skipped. */
    emit: function (event, data) {
      var self = this;
      (handlers[event] || []).forEach(function (fn) {
        try {
          fn(self, data);
        } catch (e) {
          if (global.console) console.warn('Replybook: ' + event + ' handler failed', e);
        }
      });
    },

    /** The registered before-insert checks, in registration order. */
    checks: function () {
      return checks.slice();
    },

    /** The registered panels, in their order. */
    panels: function () {
      return panels.slice();
    },

    /** Runs fn after ms unless called again with the same name first (debounce); flush(name) runs it now. */
    later: function (name, ms, fn) {
      var self = this;
      clearTimeout(this.timers[name]);
      this.pending[name] = fn;
      this.timers[name] = setTimeout(function () { delete self.pending[name]; fn(); }, ms);
    },

    flush: function (name) {
      var fn = this.pending[name];
      if (!fn) return;
      clearTimeout(this.timers[name]);
      delete this.pending[name];
      fn();
    },

    setStatus: function (text, kind) {
      this.status.textContent = text || '';
      this.status.className = 'rb-status' + (kind ? ' rb-' + kind : '');
    },

    /** Says that kb-server could not be reached; once retries gave up, offers to try again (w.refresh). */
    fail: function (e) {
      var self = this;
      if (global.console) console.warn('Replybook:', e);
      if (!this.status) {
        this.root.textContent = global.ReplybookMessages.en.error;
        return;
      }
      this.setStatus(this.t('error'), 'error');
      // what failed, for support and tests: e.g. "422 POST /api/v1/entries/…/render {"error":…}"
      this.root.setAttribute('data-error', e && typeof e === 'object'
        ? [e.status, e.call, e.message, String(e.responseText || '').slice(0, 300)].join(' ') : String(e));
      if (this.root.getAttribute('data-connection') !== 'lost' || !this.refresh) return;
      var again = el('button', 'rb-retry', this.t('retry'));
      again.type = 'button'; // inside the help-desk's form: must not submit it
      again.addEventListener('click', function () {
        self.root.removeAttribute('data-connection');
        self.setStatus(self.t('loading'));
        self.refresh();
      });
      this.status.appendChild(document.createTextNode(' '));
      this.status.appendChild(again);
    },

    resize: function () {
      if (this.host.resize) this.host.resize();
    }
  });
})(window);
