/*
 * Replybook widget, part 40: the scripts panel's search: suggestions from the ticket on open, search as the
 * agent types, the list of hits, and the keyboard (arrows pick, Enter inserts, Escape goes back to suggestions).
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;
  var SEARCH_DELAY_MS = 150;

  R.on('init', function (w) {
    w.hits = [];
    w.active = -1;
    w.listSeq = 0; // each async stream drops responses that a newer request superseded
  });

  R.define({
    /** The scripts panel: search box, tone bar, list of hits and the chosen entry's detail. */
    buildScripts: function (box) {
      var self = this;
      this.search = el('input', 'rb-search');
      this.search.type = 'search';
      this.search.placeholder = this.t('searchPlaceholder');
      this.search.setAttribute('aria-label', this.t('searchLabel'));
      this.search.setAttribute('role', 'combobox');
      this.search.setAttribute('aria-controls', 'rb-hits');
      this.search.setAttribute('aria-expanded', 'true');
      this.search.setAttribute('autocomplete', 'off');
      box.appendChild(this.search);
      this.buildToneBar(box);
      this.listTitle = el('div', 'rb-list-title', this.t('suggested'));
      box.appendChild(this.listTitle);
      this.list = el('ul', 'rb-hits');
      this.list.id = 'rb-hits';
      this.list.setAttribute('role', 'listbox');
      box.appendChild(this.list);
      this.detail = el('div', 'rb-detail');
      box.appendChild(this.detail);
      this.search.addEventListener('input', function () {
        self.later('search', SEARCH_DELAY_MS, function () { self.runSearch(self.search.value); });
      });
      this.search.addEventListener('keydown', function (e) { self.onSearchKey(e); });
    },

    onSearchKey: function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        var n = this.hits.length;
        if (!n) return;
        var i = this.active + (e.key === 'ArrowDown' ? 1 : -1);
        this.activate(Math.max(0, Math.min(n - 1, i)));
      } else if (e.key === 'Enter') {
        e.preventDefault(); // the panel sits inside the help-desk's reply form: never submit it
        if (this.active < 0 && this.hits.length) this.activate(0);
        else this.insert();
      } else if (e.key === 'Escape' && this.search.value) {
        e.preventDefault();
        this.search.value = '';
        this.suggestFromTicket();
      }
    },

    latestCustomerText: function () {
      var m = this.ctx.messages || [];
      for (var i = m.length - 1; i >= 0; i--) {
        if (m[i].author === 'customer' && m[i].text) return m[i].text;
      }
      return m.length ? m[m.length - 1].text : '';
    },

    /** Suggestions from the ticket: its subject plus its messages, the latest customer message weighing most. */
    suggestFromTicket: function () {
      var self = this;
      var text = this.latestCustomerText();
      var body = {
        subject: this.ctx.subject || '',
        messages: (this.ctx.messages || []).slice(-5),
        locale: R.util.guessTextLocale((this.ctx.subject || '') + ' ' + text),
        limit: 5
      };
      var seq = ++this.listSeq;
      var asked = R.util.now();
      return this.api('POST', '/api/v1/search/ticket', body).then(function (res) {
        if (R.hitsOf(res).length || !body.locale) return res;
        delete body.locale;
        return self.api('POST', '/api/v1/search/ticket', body);
      }).then(function (res) {
        self.lastApiMs = Math.round(R.util.now() - asked);
        if (seq !== self.listSeq) return;
        self.showHits(R.hitsOf(res), self.t('suggested'));
        if (self.firstSuggestionsMs == null) self.markFirstSuggestions();
        self.emit('hits', { hits: self.hits, result: res, source: 'ticket' });
        self.event('search', { query: body.subject, hits: self.hits.length, source: 'ticket' });
      }).catch(function (e) { self.fail(e); });
    },

    markFirstSuggestions: function () {
      var now = R.util.now();
      this.firstSuggestionsMs = Math.round(now - this.openedAt);
      this.root.setAttribute('data-first-suggestions-ms', String(this.firstSuggestionsMs));
      this.root.setAttribute('data-first-suggestions-at', String(Math.round(now)));
      this.root.setAttribute('data-first-suggestions-api-ms', String(this.lastApiMs)); // of which the help-desk + kb-server call
    },

    runSearch: function (q) {
      var self = this;
      q = String(q || '').trim();
      if (!q) return this.suggestFromTicket();
      var seq = ++this.listSeq;
      this.setStatus(this.t('loading'));
      return this.api('GET', '/api/v1/search?limit=8&q=' + encodeURIComponent(q)).then(function (res) {
        if (seq !== self.listSeq) return;
        // Misspelt words were corrected: say what was searched, so the agent is not puzzled by the hits.
        self.showHits(R.hitsOf(res), res && res.searchedFor
          ? self.t('resultsFor').replace('{0}', res.searchedFor) : self.t('results'));
        self.emit('hits', { hits: self.hits, result: res, source: 'typed' });
        self.later('searchEvent', 800, function () {
          self.event('search', { query: q, hits: self.hits.length, source: 'typed' });
        });
      }).catch(function (e) { self.fail(e); });
    },

    showHits: function (hits, title) {
      this.hits = hits;
      this.active = -1;
      this.listTitle.textContent = title;
      R.util.clear(this.list);
      this.closeEntry();
      this.search.removeAttribute('aria-activedescendant');
      this.setStatus(hits.length ? '' : this.t('noResults'));
      var self = this;
      hits.forEach(function (hit, i) {
        var li = el('li', 'rb-hit');
        li.id = 'rb-hit-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('data-key', hit.key || '');
        li.appendChild(el('span', 'rb-hit-problem', hit.problem || hit.key));
        li.appendChild(el('span', 'rb-hit-meta', [hit.category, hit.locale].filter(Boolean).join(' · ')));
        li.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep the editor's caret
        li.addEventListener('click', function () { self.activate(i); });
        self.list.appendChild(li);
      });
      this.resize();
    },

    activate: function (i) {
      var items = this.list.children;
      for (var k = 0; k < items.length; k++) {
        items[k].setAttribute('aria-selected', k === i ? 'true' : 'false');
      }
      this.active = i;
      this.search.setAttribute('aria-activedescendant', 'rb-hit-' + i);
      if (items[i] && items[i].scrollIntoView) items[i].scrollIntoView({ block: 'nearest' });
      var self = this;
      this.later('open', 120, function () { self.open(self.hits[i]); });
    }
  });
})(window);
