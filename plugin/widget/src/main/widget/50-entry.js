/*
 * Replybook widget, part 50: the chosen entry: its problem, cause, questions and actions, the live preview
 * rendered by kb-server with the ticket's data, and one input per variable the ticket cannot supply.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;
  var clear = R.util.clear;
  var RENDER_DELAY_MS = 250;

  R.on('init', function (w) {
    w.entry = null;
    w.rendered = null;
    w.fills = {};
    w.entrySeq = 0;
    w.renderSeq = 0;
    w.opening = null; // the latest entry load (with its first render)
    w.rendering = null; // the latest render
  });

  R.define({
    /** Forgets the chosen entry (a new list of hits is shown). */
    closeEntry: function () {
      clear(this.detail);
      this.entrySeq++;
      this.entry = null;
      this.rendered = null;
    },

    open: function (hit) {
      var self = this;
      var seq = ++this.entrySeq;
      this.fills = {};
      return this.opening = this.api('GET', '/api/v1/entries/' + encodeURIComponent(hit.id || hit.key)).then(function (entry) {
        if (seq !== self.entrySeq) return;
        self.entry = entry;
        self.rendered = null;
        self.showEntry(entry);
        self.event('view', {});
        return self.renderSelected();
      }).catch(function (e) { self.fail(e); });
    },

    /** Resolves once the chosen entry is loaded and rendered with everything typed so far. */
    settle: function () {
      var self = this;
      this.flush('open');
      return Promise.resolve(this.opening).then(function () {
        self.flush('render');
        return self.rendering;
      });
    },

    showEntry: function (entry) {
      var d = this.detail;
      clear(d);
      d.appendChild(el('div', 'rb-problem', entry.problem));
      if (entry.cause) this.section(d, 'cause').appendChild(el('p', null, entry.cause));
      this.listSection(d, 'diagnostics', entry.diagnostics, false);
      this.listSection(d, 'actions', entry.actions, true);
      this.fillBox = el('div', 'rb-fills');
      d.appendChild(this.fillBox);
      var pv = this.section(d, 'preview');
      this.preview = el('div', 'rb-preview');
      pv.appendChild(this.preview);
      this.notes = el('ul', 'rb-notes');
      d.appendChild(this.notes);
      this.buildInsertButton(d);
      this.emit('entry', { entry: entry, detail: d });
      this.resize();
    },

    section: function (parent, key) {
      var s = el('div', 'rb-section rb-sec-' + key);
      s.appendChild(el('div', 'rb-section-title', this.t(key)));
      parent.appendChild(s);
      return s;
    },

    listSection: function (parent, key, items, checklist) {
      if (!items || !items.length) return;
      var ul = el(checklist ? 'ul' : 'ol', 'rb-list');
      items.forEach(function (text) {
        var li = el('li');
        if (checklist) {
          var label = el('label');
          var box = el('input');
          box.type = 'checkbox';
          label.appendChild(box);
          label.appendChild(document.createTextNode(' ' + text));
          li.appendChild(label);
        } else {
          li.textContent = text;
        }
        ul.appendChild(li);
      });
      this.section(parent, key).appendChild(ul);
    },

    /** The render context: what the ticket supplies, overlaid with what the agent typed. */
    context: function () {
      var c = {};
      var vars = this.ctx.vars || {};
      Object.keys(vars).forEach(function (k) {
        if (vars[k] != null && String(vars[k]).trim() !== '') R.util.setPath(c, k, String(vars[k]));
      });
      var fills = this.fills;
      Object.keys(fills).forEach(function (k) {
        if (String(fills[k]).trim() !== '') R.util.setPath(c, k, String(fills[k]).trim());
      });
      return c;
    },

    renderSelected: function () {
      if (!this.entry) return Promise.resolve();
      var self = this;
      var entry = this.entry;
      var seq = ++this.renderSeq;
      if (this.insertButton) this.insertButton.disabled = true;
      var body = {
        tone: this.tone, channel: this.channel, locale: entry.locale,
        emotion: this.emotion, context: this.context()
      };
      return this.rendering = this.api('POST', '/api/v1/entries/' + encodeURIComponent(entry.id) + '/render', body).then(function (res) {
        if (seq !== self.renderSeq || entry !== self.entry) return;
        self.rendered = res;
        self.showRendered(res);
        self.emit('rendered', { result: res });
      }).catch(function (e) { self.fail(e); });
    },

    missing: function (res) {
      var out = [];
      (res.warnings || []).forEach(function (w) {
        var m = /^missing:(.+)$/.exec(String(w));
        if (m && out.indexOf(m[1]) < 0) out.push(m[1]);
      });
      return out;
    },

    showRendered: function (res) {
      this.preview.textContent = res.text || '';
      var missing = this.missing(res);
      this.showFills(missing);
      clear(this.notes);
      var self = this;
      (res.warnings || []).forEach(function (w) {
        if (!/^missing:/.test(String(w))) self.notes.appendChild(el('li', null, self.warningText(String(w))));
      });
      this.insertButton.disabled = missing.length > 0;
      this.insertButton.title = missing.length ? this.t('insertBlocked') : '';
      this.setStatus('');
      this.resize();
    },

    /** A render warning ("kind:detail") in the agent's language; kinds it does not know are shown as they came. */
    warningText: function (warning) {
      var m = /^([a-z-]+):(.*)$/.exec(warning);
      if (m && m[1] === 'sms-segments') return this.t('warning.sms-segments').replace('{0}', m[2]);
      if (m && m[1] === 'no-review-version') return this.t('warning.no-review-version');
      if (m && m[1] === 'redacted') {
        var label = this.msgs['var.' + m[2]] || m[2];
        return this.t('warning.redacted').replace('{0}', label);
      }
      return this.t('note') + ': ' + warning;
    },

    /** Keeps one inline input per missing variable, plus those the agent is filling in. */
    showFills: function (missing) {
      var self = this;
      var wanted = missing.slice();
      Object.keys(this.fills).forEach(function (k) { if (wanted.indexOf(k) < 0) wanted.push(k); });
      var existing = {};
      Array.prototype.forEach.call(this.fillBox.querySelectorAll('input'), function (i) {
        existing[i.getAttribute('data-var')] = i;
      });
      if (!wanted.length) { clear(this.fillBox); return; }
      if (!this.fillBox.firstChild) this.fillBox.appendChild(el('div', 'rb-section-title', this.t('mustFill')));
      wanted.forEach(function (name) {
        var input = existing[name];
        if (!input) {
          var label = el('label', 'rb-fill');
          label.appendChild(el('span', null, self.varLabel(name)));
          input = el('input');
          input.type = 'text';
          input.setAttribute('data-var', name);
          input.setAttribute('required', 'required');
          input.addEventListener('input', function () {
            self.fills[name] = input.value;
            self.later('render', RENDER_DELAY_MS, function () { self.renderSelected(); });
          });
          input.addEventListener('keydown', function (e) {
            if (e.key === 'Enter') { e.preventDefault(); self.insert(); }
          });
          label.appendChild(input);
          self.fillBox.appendChild(label);
        }
        input.setAttribute('aria-invalid', missing.indexOf(name) >= 0 ? 'true' : 'false');
      });
    },

    varLabel: function (name) {
      var v = this.msgs['var.' + name];
      return v == null ? name : v;
    }
  });
})(window);
