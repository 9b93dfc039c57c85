/*
 * Replybook widget, part 78: what the ticket-loop parts share (issue 18: 80-clock, 82-followups, 84-capture,
 * 86-learn): the ticket bar under the head (outside the tabs, so it shows on every tab), durations and times in the
 * agent's language, the agent a help-desk bridge acts for, a button with its feedback beside it, and the words of a
 * refused call.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;
  var MINUTE_MS = 60000;

  /** s with {0}, {1}… replaced by the further arguments: fill(t('loop.minutes'), 5). */
  R.fill = function (s) {
    for (var i = 1; i < arguments.length; i++) s = s.split('{' + (i - 1) + '}').join(String(arguments[i]));
    return s;
  };
  var fill = R.fill;

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /**
   * {status, field, message} of a failed call, whatever the host's error looks like: RT's proxy gives an Error with
   * status and message, Zendesk's client.request {status, responseText} with kb-server's JSON error in the text.
   */
  R.errorOf = function (e) {
    var out = { status: e && e.status, field: null, message: e && e.message };
    var body = null;
    try {
      body = e && e.responseText ? JSON.parse(e.responseText) : null;
    } catch (ignored) {
      body = null;
    }
    var err = (body && body.error) || (e && e.error) || null;
    if (err) {
      out.field = err.field || null;
      out.message = err.message || out.message;
    }
    if (!out.field && e && e.field) out.field = e.field; // RT's adapter copies it from the JSON error
    return out;
  };

  R.define({
    /** The bar under the head that the loop parts share (the clock, the capture button), made on first use. */
    ticketBar: function () {
      if (this.loopBar) return this.loopBar;
      this.loopBar = el('div', 'rb-ticket');
      var head = this.root.querySelector('.rb-head');
      this.root.insertBefore(this.loopBar, head ? head.nextSibling : this.root.firstChild);
      return this.loopBar;
    },

    /** The box under the ticket bar for a part's own section (follow-ups due, the capture form), in call order. */
    loopSection: function (cls) {
      var box = el('div', 'rb-loop ' + cls);
      var bar = this.ticketBar();
      var after = bar;
      while (after.nextSibling && /\brb-loop\b/.test(after.nextSibling.className)) after = after.nextSibling;
      this.root.insertBefore(box, after.nextSibling);
      return box;
    },

    /** The help-desk's name for the agent, sent as agent (RT's proxy puts the RT user in its place). */
    agentName: function () {
      return this.ctx.agent && this.ctx.agent.name ? String(this.ctx.agent.name).slice(0, 200) : null;
    },

    /** The ticket as follow-ups and cases name it, or null when the panel has no ticket. */
    ticketRef: function () {
      if (this.ctx.ticketId == null || this.ctx.ticketId === '') return null;
      return { ticketId: String(this.ctx.ticketId), helpdesk: this.host.name };
    },

    /** A length of time in the agent's language, whole minutes: "<1 min", "12 min", "1 h 5 min", "2 d 3 h". */
    duration: function (ms) {
      var m = Math.floor(Math.abs(ms) / MINUTE_MS);
      if (m < 1) return this.t('loop.underMinute');
      if (m < 60) return fill(this.t('loop.minutes'), m);
      if (m < 48 * 60) {
        return m % 60 ? fill(this.t('loop.hoursMinutes'), Math.floor(m / 60), m % 60) : fill(this.t('loop.hours'), m / 60);
      }
      var h = Math.floor(m / 60) % 24;
      return h ? fill(this.t('loop.daysHours'), Math.floor(m / 1440), h) : fill(this.t('loop.days'), Math.floor(m / 1440));
    },

    /** A moment as the agent reads it, in their time zone: "17:00" today, else "12-08 17:00". */
    moment: function (date) {
      var d = new Date(date);
      var time = pad(d.getHours()) + ':' + pad(d.getMinutes());
      return d.toDateString() === new Date().toDateString() ? time : pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + time;
    },

    /**
     * A button with, beside it, what its last click did. run() returns a Promise; meanwhile the button is disabled,
     * so a double click runs it once; a failure is said beside it (w.problem). Returns {row, button, say(text, kind)}.
     */
    actionButton: function (parent, key, cls, run) {
      var self = this;
      var row = el('div', 'rb-action');
      var button = el('button', 'rb-btn ' + cls, this.t(key));
      button.type = 'button'; // inside the help-desk's form: must not submit it
      var feedback = el('span', 'rb-feedback');
      feedback.setAttribute('role', 'status');
      feedback.setAttribute('aria-live', 'polite');
      row.appendChild(button);
      row.appendChild(feedback);
      parent.appendChild(row);
      var action = {
        row: row,
        button: button,
        say: function (text, kind) {
          feedback.textContent = text || '';
          feedback.className = 'rb-feedback' + (kind ? ' rb-' + kind : '');
          self.resize();
        }
      };
      button.addEventListener('click', function () {
        if (button.disabled) return;
        button.disabled = true;
        row.setAttribute('aria-busy', 'true');
        Promise.resolve().then(run).then(function () {
          button.disabled = false;
          row.removeAttribute('aria-busy');
        }, function (e) {
          button.disabled = false;
          row.removeAttribute('aria-busy');
          action.say(self.problem(e), 'error');
        });
      });
      return action;
    },

    /**
     * Enter in input clicks button (Ctrl+Enter in a textarea, where Enter starts a line), and goes no further: the
     * panel sits in the help-desk's reply form, which Enter would submit, and Ctrl+Enter would insert the reply again.
     */
    enterRuns: function (input, button) {
      input.addEventListener('keydown', function (e) {
        if (e.key !== 'Enter' || (input.tagName === 'TEXTAREA' && !e.ctrlKey && !e.metaKey)) return;
        e.preventDefault();
        e.stopPropagation();
        button.click();
      });
    },

    /**
     * What a failed call means for the agent: no connection, or the field kb-server named in its words when the bundle
     * has them (loop.field.<name>), else kb-server's own message.
     */
    problem: function (e) {
      var err = R.errorOf(e);
      if (err.status == null || err.status === 0 || err.status >= 502) return this.t('loop.offline');
      var own = err.field ? this.msgs['loop.field.' + err.field] : null;
      if (own) return own;
      return fill(this.t('loop.refused'), err.message || ('HTTP ' + err.status));
    }
  });
})(window);
