/*
 * Replybook widget, part 84: capture the ticket as a case (issue 18, FAST's "trace and learn"). A button in the
 * ticket bar opens a short form under it: a title (the ticket's subject), why it worked (asked, for the trainees who
 * will read it), and the conversation the panel has (the ticket's latest messages, labelled customer / agent in the
 * customer's language). Filed with POST /api/v1/cases naming the ticket (ticketId, helpdesk), the agent and the
 * entries inserted meanwhile; kb-server masks personal data before storing it. The case's id (a link to it on the
 * console when the host knows its address, host.consoleUrl) or what went wrong is said beside the button.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;
  var fill = R.fill;
  var MAX_TITLE = 300;
  var MAX_WHY = 4000;

  R.on('init', function (w) {
    w.insertedKeys = [];
  });

  R.on('inserted', function (w, data) {
    var key = data.entry && data.entry.key;
    if (key && w.insertedKeys.indexOf(key) < 0) w.insertedKeys.push(key);
  });

  R.on('built', function (w) {
    if (!w.ticketRef() || !(w.ctx.messages || []).length) return;
    w.captureAction = w.actionButton(w.ticketBar(), 'capture.open', 'rb-capture-open', function () {
      w.toggleCapture();
    });
    w.captureAction.button.setAttribute('aria-expanded', 'false');
  });

  R.define({
    toggleCapture: function () {
      var open = !this.captureForm || this.captureForm.hidden;
      if (!this.captureForm) this.buildCaptureForm();
      this.captureForm.hidden = !open;
      this.captureAction.button.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (open) this.captureWhy.focus();
      this.resize();
    },

    buildCaptureForm: function () {
      var self = this;
      var box = this.loopSection('rb-capture');
      box.id = 'rb-capture-form';
      this.captureAction.button.setAttribute('aria-controls', box.id);
      box.setAttribute('role', 'group');
      box.setAttribute('aria-label', this.t('capture.title'));
      box.appendChild(el('div', 'rb-section-title', this.t('capture.title')));
      var title = this.labelled(box, 'capture.caseTitle', el('input', 'rb-capture-title'));
      title.type = 'text';
      title.maxLength = MAX_TITLE;
      title.value = String(this.ctx.subject || '').slice(0, MAX_TITLE);
      this.captureWhy = this.labelled(box, 'capture.why', el('textarea', 'rb-capture-why'));
      this.captureWhy.rows = 3;
      this.captureWhy.maxLength = MAX_WHY;
      this.captureWhy.placeholder = this.t('capture.whyHint');
      var convo = el('details', 'rb-capture-convo');
      convo.appendChild(el('summary', null, fill(this.t('capture.conversation'), (this.ctx.messages || []).length)));
      convo.appendChild(el('div', 'rb-capture-text', this.conversationText()));
      box.appendChild(convo);
      var file = this.actionButton(box, 'capture.file', 'rb-capture-file', function () {
        return self.fileCase(title, file);
      });
      this.enterRuns(title, file.button);
      this.enterRuns(this.captureWhy, file.button);
      var cancel = el('button', 'rb-btn rb-link', this.t('capture.cancel'));
      cancel.type = 'button';
      cancel.addEventListener('click', function () {
        self.toggleCapture();
        self.captureAction.button.focus();
      });
      file.row.insertBefore(cancel, file.row.lastChild); // beside its button, before the feedback
      this.captureForm = box;
    },

    /** The panel's messages as text, one paragraph each, "客户：…" / "客服：…" in the customer's language. */
    conversationText: function () {
      var bundle = global.ReplybookMessages[this.replyLocale()] || this.msgs;
      return (this.ctx.messages || []).filter(function (m) { return m.text && String(m.text).trim(); }).map(function (m) {
        var who = bundle[m.author === 'customer' ? 'capture.customer' : 'capture.agent'];
        return who + String(m.text).trim();
      }).join('\n\n');
    },

    fileCase: function (title, file) {
      var self = this;
      var why = this.captureWhy.value.trim();
      if (!title.value.trim() || !why) {
        var missing = !title.value.trim() ? title : this.captureWhy;
        missing.setAttribute('aria-invalid', 'true');
        missing.focus();
        file.say(this.t(missing === title ? 'loop.field.title' : 'loop.field.whyItWorked'), 'warn');
        return Promise.resolve();
      }
      title.removeAttribute('aria-invalid');
      this.captureWhy.removeAttribute('aria-invalid');
      var ref = this.ticketRef();
      var body = this.withShop({ title: title.value.trim(), excerptText: this.conversationText(), whyItWorked: why,
        ticketId: ref.ticketId, helpdesk: ref.helpdesk, agent: this.agentName(), entryKeys: this.insertedKeys.slice(0, 50) });
      // never retried: a case whose answer was lost may have been filed
      return this.api('POST', '/api/v1/cases', body, { once: true }).then(function (c) {
        self.captureForm.parentNode.removeChild(self.captureForm);
        self.captureForm = null;
        self.captureAction.button.setAttribute('aria-expanded', 'false');
        self.saidCase(c);
      });
    },

    /** "Case filed: #1a2b3c4d" beside the capture button, a link to it on the console when the host knows where. */
    saidCase: function (c) {
      var a = this.captureAction;
      a.say(this.t('capture.filed'), 'ok');
      var id = String(c.id || '');
      var url = this.host.consoleUrl ? this.host.consoleUrl('/console/cases/' + encodeURIComponent(id)) : null;
      var mark = el(url ? 'a' : 'span', 'rb-capture-id', '#' + id.slice(0, 8));
      mark.title = id;
      mark.setAttribute('data-case', id);
      if (url) {
        mark.href = url;
        mark.target = '_blank';
        mark.rel = 'noopener';
      }
      a.row.querySelector('.rb-feedback').appendChild(document.createTextNode(' '));
      a.row.querySelector('.rb-feedback').appendChild(mark);
      this.resize();
    }
  });
})(window);
