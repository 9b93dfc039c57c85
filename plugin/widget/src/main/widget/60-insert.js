/*
 * Replybook widget, part 60: inserting the rendered reply at the editor's caret, once every before-insert check
 * (Replybook.beforeInsert) allows it.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;

  /** Runs the checks in order; resolves to the first problem one reports, or null. */
  function firstProblem(w, reply, checks) {
    if (!checks.length) return Promise.resolve(null);
    return Promise.resolve(checks[0](w, reply)).then(function (problem) {
      return problem || firstProblem(w, reply, checks.slice(1));
    });
  }

  /** The built-in check: every variable the ticket could not supply is filled in. */
  R.beforeInsert(function (w) {
    if (w.insertable()) return null;
    var first = w.fillBox && w.fillBox.querySelector('input[aria-invalid="true"]');
    return { message: first ? w.t('insertBlocked') : '', focus: first };
  });

  R.define({
    buildInsertButton: function (parent) {
      var self = this;
      this.insertButton = el('button', 'rb-insert', this.t('insert'));
      this.insertButton.type = 'button'; // inside the help-desk's form: must not submit it
      this.insertButton.disabled = true;
      this.insertButton.addEventListener('mousedown', function (e) { e.preventDefault(); });
      this.insertButton.addEventListener('click', function () { self.insert(); });
      parent.appendChild(this.insertButton);
    },

    insertable: function () {
      return this.entry && this.rendered && !this.missing(this.rendered).length
        && this.insertButton && !this.insertButton.disabled;
    },

    /**
     * Inserts the chosen entry once pending loads and renders are done (so Enter right after typing works). While
     * one insert is under way, asking again joins it: a double Enter never inserts twice. The panel is aria-busy
     * meanwhile.
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
        self.fail(e);
        return false;
      });
      return this.inserting;
    },

    insertNow: function () {
      var self = this;
      if (!this.entry || !this.rendered) return Promise.resolve(false);
      var entry = this.entry;
      var res = this.rendered;
      var reply = { html: res.html, text: res.text };
      return firstProblem(this, reply, this.checks()).then(function (problem) {
        if (problem) {
          if (problem.focus) problem.focus.focus();
          if (problem.message) self.setStatus(problem.message, 'warn');
          return false;
        }
        return Promise.resolve(self.host.insert(reply)).then(function () {
          self.setStatus(self.t('inserted'), 'ok');
          self.event('insert', {});
          self.emit('inserted', { reply: reply, entry: entry });
          return true;
        }, function (e) {
          if (global.console) console.warn('Replybook: insert failed', e);
          self.setStatus(self.t('insertFailed'), 'error');
          return false;
        });
      });
    }
  });
})(window);
