/*
 * Replybook widget, part 40: the scripts panel's search: suggestions from the ticket on open, search as the
 * agent types, the list of hits, and the keyboard (arrows pick, Enter previews, Ctrl+Enter inserts, Escape goes
 * back to the suggestions). A search that found no good match (its answer's confident is false) says so and folds
 * its weaker hits under a button; each hit lists its entry's other locale versions, one click away.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;
  var SEARCH_DELAY_MS = 150;
  var SEARCH_EVENT_DELAY_MS = 800;

  R.on('init', function (w) {
    w.hits = [];
    w.active = -1;
    w.listSeq = 0; // each async stream drops responses that a newer request superseded
  });

  /** Short names of the locales an entry may be written in, for the sibling buttons. */
  function localeName(w, locale) {
    var v = w.msgs['locale.' + locale];
    return v == null ? locale : v;
  }

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
      box.appendChild(el('div', 'rb-keys', this.t('keys')));
      this.buildToneBar(box);
      this.listTitle = el('div', 'rb-list-title', this.t('suggested'));
      box.appendChild(this.listTitle);
      this.noMatch = el('div', 'rb-nomatch');
      this.noMatch.setAttribute('role', 'status');
      this.noMatch.hidden = true;
      box.appendChild(this.noMatch);
      this.list = el('ul', 'rb-hits');
      this.list.id = 'rb-hits';
      this.list.setAttribute('role', 'listbox');
      box.appendChild(this.list);
      this.detail = el('div', 'rb-detail');
      box.appendChild(this.detail);
      this.search.addEventListener('input', function () {
        self.later('search', SEARCH_DELAY_MS, function () { self.searching = self.runSearch(self.search.value); });
      });
      this.search.addEventListener('keydown', function (e) { self.onSearchKey(e); });
      box.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault(); // the panel sits inside the help-desk's reply form: never submit it
          self.insert();
        }
      });
    },

    onSearchKey: function (e) {
      if (e.ctrlKey || e.metaKey) return; // Ctrl+Enter: the panel's insert shortcut
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        var n = this.hits.length;
        if (!n) return;
        this.unfoldHits();
        var i = this.active + (e.key === 'ArrowDown' ? 1 : -1);
        this.activate(Math.max(0, Math.min(n - 1, i)));
      } else if (e.key === 'Enter') {
        e.preventDefault(); // never submit the help-desk's form
        var self = this;
        this.flush('search'); // Enter right after typing previews a hit of what was typed
        Promise.resolve(this.searching).then(function () {
          if (self.active < 0 && self.hits.length) {
            self.unfoldHits();
            self.activate(0);
          }
          if (self.active >= 0) self.previewHit(self.active);
        });
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

    /**
     * The locale whose version of an entry to list: the language the customer writes in (the reply is for them),
     * else the agent's.
     */
    replyLocale: function () {
      var text = (this.ctx.subject || '') + ' ' + this.latestCustomerText();
      return text.trim() ? R.util.guessTextLocale(text) : R.util.pickLocale(this.ctx.locale);
    },

    /** Suggestions from the ticket: its subject plus its messages, the latest customer message weighing most. */
    suggestFromTicket: function () {
      var self = this;
      var body = this.withShop({
        subject: this.ctx.subject || '',
        messages: (this.ctx.messages || []).slice(-5),
        locale: this.replyLocale(),
        prefer: this.replyLocale(),
        limit: 5
      });
      var seq = ++this.listSeq;
      var asked = R.util.now();
      return this.api('POST', '/api/v1/search/ticket', body).then(function (res) {
        if (R.hitsOf(res).length || !body.locale) return res;
        delete body.locale;
        return self.api('POST', '/api/v1/search/ticket', body);
      }).then(function (res) {
        self.lastApiMs = Math.round(R.util.now() - asked);
        if (seq !== self.listSeq) return;
        self.showHits(res, self.t('suggested'));
        if (self.firstSuggestionsMs == null) self.markFirstSuggestions();
        self.emit('hits', { hits: self.hits, result: res, source: 'ticket' });
        self.event('search', { query: body.subject, hits: self.hits.length, confident: self.confident, source: 'ticket' });
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
      var path = '/api/v1/search?limit=8&prefer=' + encodeURIComponent(this.replyLocale()) + '&q=' + encodeURIComponent(q)
        + (this.shopKey() ? '&shop=' + encodeURIComponent(this.shopKey()) : '');
      return this.api('GET', path).then(function (res) {
        if (seq !== self.listSeq) return;
        // Misspelt words were corrected: say what was searched, so the agent is not puzzled by the hits.
        self.showHits(res, res && res.searchedFor
          ? self.t('resultsFor').replace('{0}', res.searchedFor) : self.t('results'));
        self.emit('hits', { hits: self.hits, result: res, source: 'typed' });
        var confident = self.confident;
        self.later('searchEvent', SEARCH_EVENT_DELAY_MS, function () {
          self.event('search', { query: q, hits: self.hits.length, confident: confident, source: 'typed' });
        });
      }).catch(function (e) { self.fail(e); });
    },

    /** Runs the current search (or the suggestions) again, and the open entry's preview: after a lost connection. */
    refresh: function () {
      var self = this;
      return Promise.resolve(this.runSearch(this.search.value)).then(function () {
        if (self.entry) return self.renderSelected();
      });
    },

    /** Lists the hits of a search answer; without a good match they are folded under the "no good match" note. */
    showHits: function (res, title) {
      var hits = R.hitsOf(res);
      this.hits = hits;
      this.confident = !!(res && res.confident);
      this.active = -1;
      this.listTitle.textContent = title;
      R.util.clear(this.list);
      this.closeEntry();
      this.search.removeAttribute('aria-activedescendant');
      this.setStatus(hits.length ? '' : this.t('noResults'));
      this.showNoMatch(hits.length > 0 && !this.confident);
      var self = this;
      hits.forEach(function (hit, i) { self.list.appendChild(self.hitItem(hit, i)); });
      this.resize();
    },

    hitItem: function (hit, i) {
      var self = this;
      var li = el('li', 'rb-hit');
      li.id = 'rb-hit-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('data-key', hit.key || '');
      li.appendChild(el('span', 'rb-hit-problem', hit.problem || hit.key));
      var meta = el('span', 'rb-hit-meta', [hit.category, localeName(this, hit.locale)].filter(Boolean).join(' · '));
      (hit.siblings || []).forEach(function (sibling) {
        var chip = el('span', 'rb-chip', localeName(self, sibling.locale));
        chip.setAttribute('data-key', sibling.key);
        chip.title = sibling.problem || sibling.key;
        chip.addEventListener('click', function (e) {
          e.stopPropagation();
          self.activate(i);
          self.openNow(sibling);
        });
        meta.appendChild(document.createTextNode(' '));
        meta.appendChild(chip);
      });
      li.appendChild(meta);
      li.addEventListener('mousedown', function (e) { e.preventDefault(); }); // keep the editor's caret
      li.addEventListener('click', function () {
        self.activate(i);
        self.previewHit(i);
      });
      return li;
    },

    /** "No good match", with the weaker hits folded under a button that unfolds them. */
    showNoMatch: function (folded) {
      var self = this;
      R.util.clear(this.noMatch);
      this.noMatch.hidden = !folded;
      this.list.hidden = folded;
      this.root.setAttribute('data-confident', folded ? 'false' : 'true');
      if (!folded) return;
      this.noMatch.appendChild(el('strong', null, this.t('noGoodMatch')));
      this.noMatch.appendChild(el('span', 'rb-hint', ' ' + this.t('noGoodMatch.hint')));
      var toggle = el('button', 'rb-weaker', this.t('weakerHits').replace('{0}', this.hits.length));
      toggle.type = 'button'; // inside the help-desk's form: must not submit it
      toggle.setAttribute('aria-expanded', 'false');
      toggle.setAttribute('aria-controls', 'rb-hits');
      toggle.addEventListener('mousedown', function (e) { e.preventDefault(); });
      toggle.addEventListener('click', function () {
        if (self.list.hidden) self.unfoldHits();
        else self.foldHits();
      });
      this.weakerToggle = toggle;
      this.noMatch.appendChild(toggle);
    },

    unfoldHits: function () {
      if (!this.list.hidden) return;
      this.list.hidden = false;
      if (this.weakerToggle) {
        this.weakerToggle.textContent = this.t('hideWeakerHits');
        this.weakerToggle.setAttribute('aria-expanded', 'true');
      }
      this.resize();
    },

    foldHits: function () {
      this.list.hidden = true;
      this.weakerToggle.textContent = this.t('weakerHits').replace('{0}', this.hits.length);
      this.weakerToggle.setAttribute('aria-expanded', 'false');
      this.resize();
    },

    /** Highlights hit i (the arrows): the preview waits for Enter or a click. */
    activate: function (i) {
      var items = this.list.children;
      for (var k = 0; k < items.length; k++) {
        items[k].setAttribute('aria-selected', k === i ? 'true' : 'false');
      }
      this.active = i;
      this.search.setAttribute('aria-activedescendant', 'rb-hit-' + i);
      if (items[i] && items[i].scrollIntoView) items[i].scrollIntoView({ block: 'nearest' });
    },

    /** Opens hit i's entry in the preview, in the version the list shows. */
    previewHit: function (i) {
      var hit = this.hits[i];
      if (!hit || (this.entry && this.entry.id === hit.id)) return this.opening;
      return this.openNow(hit);
    }
  });
})(window);
