/*
 * Replybook widget, part 60: inserting the rendered reply at the editor's caret, once every before-insert check
 * (Replybook.beforeInsert) allows it and every preparation (Replybook.prepareInsert) has had its say. What happened
 * is said beside the Insert button ("inserted", "fill these first"), where the agent is looking.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;
  var preparations = [];

  /**
   * Adds a preparation of every reply before it is inserted: fn(w, reply) returns the reply to insert (or a Promise
   * of it), e.g. rendered again without its greeting. reply: {html, text, notes: [message keys said after insert]}.
   */
  R.prepareInsert = function (fn) {
    preparations.push(fn);
  };

  /** Plain text as HTML paragraphs (a blank line between paragraphs, a line break within one), escaped. */
  R.paragraphs = function (text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
      .split(/\n{2,}/).map(function (p) { return '<p>' + p.replace(/\n/g, '<br>') + '</p>'; }).join('');
  };

  /** Runs the checks in order; resolves to the first problem one reports, or null. */
  function firstProblem(w, reply, checks) {
    if (!checks.length) return Promise.resolve(null);
    return Promise.resolve(checks[0](w, reply)).then(function (problem) {
      return problem || firstProblem(w, reply, checks.slice(1));
    });
  }

  function prepared(w, reply, steps) {
    if (!steps.length) return Promise.resolve(reply);
    return Promise.resolve(steps[0](w, reply)).then(function (next) {
      return prepared(w, next || reply, steps.slice(1));
    });
  }

  /** "Fill in first: …" naming the values still missing, or null when none is. */
  function fillFirst(w) {
    var missing = w.rendered ? w.missing(w.rendered) : [];
    if (!missing.length) return null;
    return w.t('fillFirst').replace('{0}', missing.map(function (v) { return w.varLabel(v); }).join('、'));
  }

  /** The built-in check: every value the ticket could not supply is filled in; the message names them. */
  R.beforeInsert(function (w) {
    var message = fillFirst(w);
    if (!message) return null;
    return { name: 'fill', message: message, focus: w.fillBox && w.fillBox.querySelector('input[aria-invalid="true"]') };
  });

  /** A "fill in first" beside the button follows the agent's typing: it names what is left, and goes when done. */
  R.on('rendered', function (w) {
    if (!w.feedback || w.feedback.getAttribute('data-check') !== 'fill') return;
    var message = fillFirst(w);
    w.say(message, message ? 'warn' : null, message ? 'fill' : null);
  });

  R.define({
    /** The Insert button and, beside it, the feedback on what the last insert did. */
    buildInsertBar: function (parent) {
      var self = this;
      var bar = el('div', 'rb-insert-bar');
      this.insertButton = el('button', 'rb-insert', this.t('insert'));
      this.insertButton.type = 'button'; // inside the help-desk's form: must not submit it
      this.insertButton.disabled = true;
      this.insertButton.setAttribute('aria-keyshortcuts', 'Control+Enter');
      this.insertButton.addEventListener('mousedown', function (e) { e.preventDefault(); });
      this.insertButton.addEventListener('click', function () { self.insert(); });
      bar.appendChild(this.insertButton);
      this.feedback = el('span', 'rb-feedback');
      this.feedback.setAttribute('role', 'status');
      this.feedback.setAttribute('aria-live', 'polite');
      bar.appendChild(this.feedback);
      parent.appendChild(bar);
    },

    /** Says what an insert did, beside the button; kind: ok, warn or error; check: the name of the check that spoke. */
    say: function (text, kind, check) {
      this.feedback.textContent = text || '';
      this.feedback.className = 'rb-feedback' + (kind ? ' rb-' + kind : '');
      if (check) this.feedback.setAttribute('data-check', check);
      else this.feedback.removeAttribute('data-check');
      this.resize();
    },

    insertable: function () {
      return !!(this.entry && this.rendered && !this.missing(this.rendered).length);
    },

    /**
     * Inserts the chosen entry once pending loads and renders are done (so Ctrl+Enter right after typing works).
     * While one insert is under way, asking again joins it: a double click never inserts twice. The panel is
     * aria-busy meanwhile.
     */
    insert: function () {
      var self = this;
      if (this.inserting) return this.inserting;
      this.root.setAttribute('aria-busy', 'true');
      function done(result) {
        self.inserting = null;
        self.root.removeAttribute('aria-busy');
        return result;
      }
      this.inserting = this.settle().then(function () { return self.insertNow(); }).then(done, function (e) {
        done(false);
        if (self.feedback) self.say(self.t('insertFailed'), 'error');
        self.fail(e);
        return false;
      });
      return this.inserting;
    },

    insertNow: function () {
      var self = this;
      if (!this.entry) return Promise.resolve(false);
      if (!this.rendered) {
        this.say(this.t('insertStale'), 'error');
        return Promise.resolve(false);
      }
      var entry = this.entry;
      var res = this.rendered;
      var reply = this.reply();
      return firstProblem(this, reply, this.checks()).then(function (problem) {
        if (problem) {
          if (problem.focus) problem.focus.focus();
          if (problem.message) self.say(problem.message, 'warn', problem.name);
          return false;
        }
        return prepared(self, reply, preparations.slice()).then(function (ready) {
          if (entry !== self.entry) return false; // the agent moved on meanwhile
          return self.insertReply(entry, ready);
        });
      });
    },

    /**
     * What an insert puts into the reply: {html, text, notes, edited}: the rendered reply, or the agent's edited
     * preview as plain paragraphs.
     */
    reply: function () {
      if (!this.edited) return { html: this.rendered.html, text: this.rendered.text, notes: [], edited: false };
      var text = this.preview.innerText.replace(/\n+$/, '');
      return { html: R.paragraphs(text), text: text, notes: [], edited: true };
    },

    insertReply: function (entry, reply) {
      var self = this;
      return Promise.resolve(this.host.insert({ html: reply.html, text: reply.text })).then(function () {
        var notes = reply.notes.map(function (key) { return self.t(key); });
        self.say([self.t('inserted')].concat(notes).join(' · '), 'ok');
        self.event('insert', { actions: self.actionsDone() });
        self.emit('inserted', { reply: reply, entry: entry });
        return true;
      }, function (e) {
        if (global.console) console.warn('Replybook: insert failed', e);
        self.say(self.t('insertFailed'), 'error');
        return false;
      });
    }
  });
})(window);
