/*
 * Replybook widget, part 50: the chosen entry, compact: its problem and other locale versions, the live preview
 * rendered by kb-server with the ticket's data (editable: the agent may adjust the words, and what the preview shows
 * is what is inserted), one input per value the ticket cannot supply, then Insert with its feedback beside it; the
 * cause, the questions to ask and the actions checklist are folded below.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;
  var clear = R.util.clear;
  var RENDER_DELAY_MS = 250;
  var warningTexts = [];

  /** Adds a wording of render warnings: fn(w, warning) returns the text in the agent's language, or null. */
  R.warningText = function (fn) {
    warningTexts.push(fn);
  };

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
      this.opening = null;
    },

    /** Loads and previews an entry ({id, key} of a hit or a sibling) at once. */
    openNow: function (hit) {
      var self = this;
      var seq = ++this.entrySeq;
      this.fills = {};
      return this.opening = this.api('GET', '/api/v1/entries/' + encodeURIComponent(hit.id || hit.key)).then(function (entry) {
        if (seq !== self.entrySeq) return;
        self.entry = entry;
        self.rendered = null;
        self.showEntry(entry, self.hits[self.active]);
        self.event('view', {});
        return self.renderSelected();
      }).catch(function (e) { self.fail(e); });
    },

    /** Resolves once the chosen entry is loaded and rendered with everything typed so far. */
    settle: function () {
      var self = this;
      return Promise.resolve(this.opening).then(function () {
        self.flush('render');
        return self.rendering;
      });
    },

    /** Builds the detail of entry; hit (the list's hit it belongs to) names its other locale versions. */
    showEntry: function (entry, hit) {
      var d = this.detail;
      clear(d);
      var head = el('div', 'rb-entry-head');
      head.appendChild(el('div', 'rb-problem', entry.problem));
      this.versionButtons(head, entry, hit);
      d.appendChild(head);
      this.preview = el('div', 'rb-preview');
      // The agent may adjust the words before inserting; what is inserted is what the preview shows.
      this.preview.setAttribute('contenteditable', 'plaintext-only');
      this.preview.setAttribute('role', 'textbox');
      this.preview.setAttribute('aria-multiline', 'true');
      this.preview.setAttribute('aria-label', this.t('preview'));
      var self = this;
      this.preview.addEventListener('input', function () {
        self.edited = true;
        self.emit('edited', {});
      });
      d.appendChild(this.preview);
      this.fillBox = el('div', 'rb-fills');
      d.appendChild(this.fillBox);
      this.notes = el('ul', 'rb-notes');
      d.appendChild(this.notes);
      this.buildInsertBar(d);
      var folded = el('div', 'rb-folded');
      if (entry.cause) this.foldedSection(folded, 'cause', '').appendChild(el('p', null, entry.cause));
      this.listSection(folded, 'diagnostics', entry.diagnostics, false);
      this.listSection(folded, 'actions', entry.actions, true);
      d.appendChild(folded);
      this.emit('entry', { entry: entry, folded: folded });
      this.resize();
    },

    /** One button per other locale version of the entry (from the hit's family), which opens it. */
    versionButtons: function (parent, entry, hit) {
      var self = this;
      var versions = [];
      if (hit) versions = [hit].concat(hit.siblings || []);
      versions = versions.filter(function (v) { return v.id !== entry.id; });
      if (!versions.length) return;
      var bar = el('div', 'rb-versions');
      bar.appendChild(el('span', 'rb-hint', this.t('otherLocales') + ' '));
      versions.forEach(function (v) {
        var b = el('button', 'rb-version', self.msgs['locale.' + v.locale] || v.locale);
        b.type = 'button'; // inside the help-desk's form: must not submit it
        b.setAttribute('data-key', v.key);
        b.title = v.problem || v.key;
        b.addEventListener('mousedown', function (e) { e.preventDefault(); });
        b.addEventListener('click', function () { self.openNow(v); });
        bar.appendChild(b);
      });
      parent.appendChild(bar);
    },

    /** A folded section (details) titled by key, with an optional count after the title. */
    foldedSection: function (parent, key, count) {
      var s = el('details', 'rb-section rb-sec-' + key);
      var summary = el('summary', 'rb-section-title', this.t(key));
      if (count) summary.appendChild(el('span', 'rb-count', ' · ' + count));
      s.appendChild(summary);
      parent.appendChild(s);
      return s;
    },

    listSection: function (parent, key, items, checklist) {
      if (!items || !items.length) return;
      var self = this;
      var section = this.foldedSection(parent, key, checklist ? '0/' + items.length : String(items.length));
      var count = section.querySelector('.rb-count');
      var ul = el(checklist ? 'ul' : 'ol', 'rb-list');
      items.forEach(function (text) {
        var li = el('li');
        if (checklist) {
          var label = el('label');
          var box = el('input');
          box.type = 'checkbox';
          box.value = text;
          box.addEventListener('change', function () {
            count.textContent = ' · ' + self.actionsDone().length + '/' + items.length;
          });
          label.appendChild(box);
          label.appendChild(document.createTextNode(' ' + text));
          li.appendChild(label);
        } else {
          li.textContent = text;
        }
        ul.appendChild(li);
      });
      section.appendChild(ul);
    },

    /** The follow-up actions the agent ticked as done, in the entry's order. */
    actionsDone: function () {
      var boxes = this.detail.querySelectorAll('.rb-sec-actions input[type="checkbox"]');
      var out = [];
      Array.prototype.forEach.call(boxes, function (b) { if (b.checked) out.push(b.value); });
      return out;
    },

    /**
     * The render context: what the ticket supplies, overlaid with what the agent typed. In a shop the shop's own
     * name (kept in kb-server) stands for ${shop.name}, not the help-desk's one shop-name setting.
     */
    context: function () {
      var c = {};
      var vars = this.ctx.vars || {};
      var inShop = !!this.shopKey();
      Object.keys(vars).forEach(function (k) {
        if (inShop && k === 'shop.name') return;
        if (vars[k] != null && String(vars[k]).trim() !== '') R.util.setPath(c, k, String(vars[k]));
      });
      var fills = this.fills;
      Object.keys(fills).forEach(function (k) {
        if (String(fills[k]).trim() !== '') R.util.setPath(c, k, String(fills[k]).trim());
      });
      return c;
    },

    /** The render call's body for the chosen entry as the panel stands (tone, channel, mood, values). */
    renderBody: function () {
      return this.withShop({
        tone: this.tone, channel: this.channel, locale: this.entry.locale,
        emotion: this.emotion, context: this.context()
      });
    },

    renderSelected: function () {
      if (!this.entry) return Promise.resolve();
      var self = this;
      var entry = this.entry;
      var seq = ++this.renderSeq;
      if (this.insertButton) this.insertButton.disabled = true;
      return this.rendering = this.api('POST', '/api/v1/entries/' + encodeURIComponent(entry.id) + '/render',
          this.renderBody()).then(function (res) {
        if (seq !== self.renderSeq || entry !== self.entry) return;
        self.rendered = res;
        self.showRendered(res);
        self.emit('rendered', { result: res });
      }).catch(function (e) {
        if (seq === self.renderSeq) self.rendered = null; // never insert a preview that is out of date
        self.fail(e);
      });
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
      this.edited = false; // a new render replaces the agent's own edits
      var missing = this.missing(res);
      this.showFills(missing);
      clear(this.notes);
      var self = this;
      (res.warnings || []).forEach(function (w) {
        if (!/^missing:/.test(String(w))) self.notes.appendChild(el('li', null, self.warningText(String(w))));
      });
      this.insertButton.disabled = false; // a click with values missing says which (next to the button)
      this.insertButton.setAttribute('aria-disabled', missing.length ? 'true' : 'false');
      this.insertButton.title = missing.length ? this.t('insertBlocked') : this.t('insertKeys');
      this.setStatus('');
      this.resize();
    },

    /** A render warning ("kind:detail") in the agent's language; kinds it does not know are shown as they came. */
    warningText: function (warning) {
      for (var i = 0; i < warningTexts.length; i++) {
        var own = warningTexts[i](this, warning);
        if (own) return own;
      }
      var m = /^([a-z-]+):(.*)$/.exec(warning);
      if (m && m[1] === 'sms-segments') return this.t('warning.sms-segments').replace('{0}', m[2]);
      if (m && m[1] === 'no-review-version') return this.t('warning.no-review-version');
      if (m && m[1] === 'redacted') return this.t('warning.redacted').replace('{0}', this.varLabel(m[2]));
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
        var input = existing[name] || self.fillInput(name);
        input.setAttribute('aria-invalid', missing.indexOf(name) >= 0 ? 'true' : 'false');
      });
    },

    fillInput: function (name) {
      var self = this;
      var label = el('label', 'rb-fill');
      label.appendChild(el('span', null, this.varLabel(name)));
      var input = el('input');
      input.type = 'text';
      input.setAttribute('data-var', name);
      input.setAttribute('required', 'required');
      input.addEventListener('input', function () {
        self.fills[name] = input.value;
        self.later('render', RENDER_DELAY_MS, function () { self.renderSelected(); });
      });
      input.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) { e.preventDefault(); self.insert(); }
      });
      label.appendChild(input);
      this.fillBox.appendChild(label);
      return input;
    },

    varLabel: function (name) {
      var v = this.msgs['var.' + name];
      return v == null ? name : v;
    }
  });
})(window);
