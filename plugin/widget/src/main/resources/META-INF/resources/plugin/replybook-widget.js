/*
 * Replybook widget: the search-and-insert panel shown next to a help-desk's reply editor.
 *
 * Contract: Replybook.mount(rootElement, host) builds the panel inside rootElement and returns the widget.
 * The host adapter (one per help-desk) supplies everything outside the panel:
 *   host.name                      'rt' | 'zendesk' (recorded with usage events)
 *   host.context()  -> Promise of {ticketId, subject, messages:[{author:'customer'|'agent', text}],
 *                                  customer:{name, tags:[]}, order:{id, amount}, agent:{name},
 *                                  locale (the agent's), channel ('chat'|'email'|'sms'|'review'), vars:{...},
 *                                  product (optional: the ticket's product or order line, sent with usage events)}
 *   host.api(method, path, body) -> Promise of the kb-server JSON response (the host holds the token)
 *   host.insert({html, text})    -> Promise; inserts at the caret of the reply editor
 *   host.resize()                   optional; called after the panel's height may have changed
 * No framework; every piece of server data reaches the DOM through textContent or attributes.
 * Guardrails (issue 16) live in replybook-guardrails.js (window.ReplybookGuardrails, optional); this file calls
 * it at the points marked "guardrails hook": start, after a render, on the agent's edits, and before an insert.
 * Written in ES5 so that help-desk asset minifiers (RT's) accept it.
 */
(function (global) {
  'use strict';

  var TONES = ['standard', 'warm', 'lively', 'formal'];
  var CHANNELS = ['chat', 'email', 'sms', 'review'];
  var SEARCH_DELAY_MS = 150;
  var RENDER_DELAY_MS = 250;

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

  function Widget(root, host) {
    this.root = root;
    this.host = host;
    this.openedAt = now();
    this.msgs = global.ReplybookMessages.en;
    this.ctx = null;
    this.hits = [];
    this.active = -1;
    this.entry = null;
    this.rendered = null;
    this.fills = {};
    this.tone = 'standard';
    this.channel = 'email';
    this.emotion = 'neutral';
    this.listSeq = 0;   // each async stream drops responses that a newer request superseded
    this.entrySeq = 0;
    this.renderSeq = 0;
    this.timers = {};
    this.pending = {};  // debounced calls not yet run, by name
    this.opening = null; // the latest entry load (with its first render)
    this.rendering = null; // the latest render
  }

  function now() {
    return global.performance && performance.now ? performance.now() : Date.now();
  }

  Widget.prototype = {
    t: function (key) {
      var v = this.msgs[key];
      if (v == null) throw new Error('Replybook: missing message "' + key + '"');
      return v;
    },

    start: function () {
      var self = this;
      return Promise.resolve(this.host.context()).then(function (ctx) {
        self.ctx = ctx || {};
        self.msgs = global.ReplybookMessages[pickLocale(self.ctx.locale)];
        if (CHANNELS.indexOf(self.ctx.channel) >= 0) self.channel = self.ctx.channel;
        self.build();
        if (guardrails()) guardrails().start(self); // guardrails hook: a lead's approvals waiting
        return Promise.all([self.suggestFromTicket(), self.suggestTone()]);
      }).catch(function (e) {
        self.fail(e);
      });
    },

    build: function () {
      var root = this.root;
      clear(root);
      root.classList.add('rb-widget');
      root.setAttribute('lang', pickLocale(this.ctx.locale));
      var head = el('div', 'rb-head');
      head.appendChild(el('span', 'rb-title', this.t('title')));
      this.status = el('span', 'rb-status');
      this.status.setAttribute('role', 'status');
      head.appendChild(this.status);
      root.appendChild(head);

      this.search = el('input', 'rb-search');
      this.search.type = 'search';
      this.search.placeholder = this.t('searchPlaceholder');
      this.search.setAttribute('aria-label', this.t('searchLabel'));
      this.search.setAttribute('role', 'combobox');
      this.search.setAttribute('aria-controls', 'rb-hits');
      this.search.setAttribute('aria-expanded', 'true');
      this.search.setAttribute('autocomplete', 'off');
      root.appendChild(this.search);

      var bar = el('div', 'rb-bar');
      this.toneSelect = this.select(bar, 'rb-tone', 'tone', TONES, this.tone);
      this.channelSelect = this.select(bar, 'rb-channel', 'channel', CHANNELS, this.channel);
      this.mood = el('span', 'rb-mood');
      bar.appendChild(this.mood);
      root.appendChild(bar);

      this.listTitle = el('div', 'rb-list-title', this.t('suggested'));
      root.appendChild(this.listTitle);
      this.list = el('ul', 'rb-hits');
      this.list.id = 'rb-hits';
      this.list.setAttribute('role', 'listbox');
      root.appendChild(this.list);
      this.detail = el('div', 'rb-detail');
      root.appendChild(this.detail);
      this.bind();
      this.setStatus(this.t('loading'));
    },

    select: function (parent, cls, label, values, current) {
      var wrap = el('label', 'rb-field');
      wrap.appendChild(el('span', null, this.t(label)));
      var s = el('select', cls);
      for (var i = 0; i < values.length; i++) {
        var o = el('option', null, this.t(label + '.' + values[i]));
        o.value = values[i];
        s.appendChild(o);
      }
      s.value = current;
      wrap.appendChild(s);
      parent.appendChild(wrap);
      return s;
    },

    bind: function () {
      var self = this;
      this.search.addEventListener('input', function () {
        self.later('search', SEARCH_DELAY_MS, function () { self.runSearch(self.search.value); });
      });
      this.search.addEventListener('keydown', function (e) { self.onSearchKey(e); });
      this.toneSelect.addEventListener('change', function () {
        self.tone = self.toneSelect.value;
        self.renderSelected();
      });
      this.channelSelect.addEventListener('change', function () {
        self.channel = self.channelSelect.value;
        self.renderSelected();
      });
      document.addEventListener('keydown', function (e) {
        if (e.altKey && (e.key === 'k' || e.key === 'K' || e.code === 'KeyK')) {
          e.preventDefault();
          self.search.focus();
        }
      });
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

    /** Resolves once the chosen entry is loaded and rendered with everything typed so far. */
    settle: function () {
      var self = this;
      this.flush('open');
      return Promise.resolve(this.opening).then(function () {
        self.flush('render');
        return self.rendering;
      });
    },

    setStatus: function (text, kind) {
      this.status.textContent = text || '';
      this.status.className = 'rb-status' + (kind ? ' rb-' + kind : '');
    },

    fail: function (e) {
      if (global.console) console.warn('Replybook:', e);
      if (this.status) this.setStatus(this.t('error'), 'error');
      else this.root.textContent = global.ReplybookMessages.en.error;
    },

    api: function (method, path, body) {
      return Promise.resolve(this.host.api(method, path, body));
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
        locale: guessTextLocale((this.ctx.subject || '') + ' ' + text),
        limit: 5
      };
      var seq = ++this.listSeq;
      var asked = now();
      return this.api('POST', '/api/v1/search/ticket', body).then(function (res) {
        if (hitsOf(res).length || !body.locale) return res;
        delete body.locale;
        return self.api('POST', '/api/v1/search/ticket', body);
      }).then(function (res) {
        self.lastApiMs = Math.round(now() - asked);
        if (seq !== self.listSeq) return;
        self.showHits(hitsOf(res), self.t('suggested'));
        if (self.firstSuggestionsMs == null) self.markFirstSuggestions();
        self.event('search', { query: body.subject, hits: self.hits.length, source: 'ticket' });
      }).catch(function (e) { self.fail(e); });
    },

    markFirstSuggestions: function () {
      this.firstSuggestionsMs = Math.round(now() - this.openedAt);
      this.root.setAttribute('data-first-suggestions-ms', String(this.firstSuggestionsMs));
      this.root.setAttribute('data-first-suggestions-at', String(Math.round(now())));
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
        self.showHits(hitsOf(res), res && res.searchedFor
          ? self.t('resultsFor').replace('{0}', res.searchedFor) : self.t('results'));
        self.later('searchEvent', 800, function () {
          self.event('search', { query: q, hits: self.hits.length, source: 'typed' });
        });
      }).catch(function (e) { self.fail(e); });
    },

    suggestTone: function () {
      var self = this;
      var body = {
        tags: (this.ctx.customer && this.ctx.customer.tags) || [],
        text: this.latestCustomerText(),
        channel: this.channel
      };
      return this.api('POST', '/api/v1/tone/suggest', body).then(function (res) {
        if (res && TONES.indexOf(res.tone) >= 0) {
          self.tone = res.tone;
          self.toneSelect.value = res.tone;
        }
        if (res && res.emotion) self.emotion = res.emotion;
        self.mood.textContent = self.t('mood') + ': ' + self.t('emotion.' + self.emotion);
        self.mood.setAttribute('data-emotion', self.emotion);
        self.renderSelected();
      }).catch(function (e) {
        if (global.console) console.warn('Replybook: no tone suggestion', e);
      });
    },

    showHits: function (hits, title) {
      this.hits = hits;
      this.active = -1;
      this.listTitle.textContent = title;
      clear(this.list);
      clear(this.detail);
      this.entrySeq++;
      this.entry = null;
      this.rendered = null;
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
      // The agent may adjust the words before inserting; what is inserted is what the preview shows.
      this.preview.setAttribute('contenteditable', 'plaintext-only');
      this.preview.setAttribute('role', 'textbox');
      this.preview.setAttribute('aria-multiline', 'true');
      this.preview.setAttribute('aria-label', this.t('preview'));
      var self0 = this;
      this.preview.addEventListener('input', function () {
        self0.edited = true;
        if (guardrails()) guardrails().textChanged(self0); // guardrails hook: check the agent's own words
      });
      pv.appendChild(this.preview);
      this.notes = el('ul', 'rb-notes');
      d.appendChild(this.notes);
      this.insertButton = el('button', 'rb-insert', this.t('insert'));
      this.insertButton.type = 'button'; // inside the help-desk's form: must not submit it
      this.insertButton.disabled = true;
      var self = this;
      this.insertButton.addEventListener('mousedown', function (e) { e.preventDefault(); });
      this.insertButton.addEventListener('click', function () { self.insert(); });
      d.appendChild(this.insertButton);
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
        if (vars[k] != null && String(vars[k]).trim() !== '') setPath(c, k, String(vars[k]));
      });
      var fills = this.fills;
      Object.keys(fills).forEach(function (k) {
        if (String(fills[k]).trim() !== '') setPath(c, k, String(fills[k]).trim());
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
      this.edited = false;
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
      if (guardrails()) guardrails().afterRender(this, res); // guardrails hook: compensation limit, wording
      this.resize();
    },

    /** A render warning ("kind:detail") in the agent's language; kinds it does not know are shown as they came. */
    warningText: function (warning) {
      var own = guardrails() && guardrails().warningText(this, warning); // guardrails hook: its own warnings
      if (own) return own;
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
    },

    insertable: function () {
      return this.entry && this.rendered && !this.missing(this.rendered).length
        && this.insertButton && !this.insertButton.disabled;
    },

    /** Inserts the chosen entry once pending loads and renders are done (so Enter right after typing works). */
    insert: function () {
      var self = this;
      return this.settle().then(function () { return self.insertNow(); });
    },

    insertNow: function () {
      if (!this.insertable()) {
        var first = this.fillBox && this.fillBox.querySelector('input[aria-invalid="true"]');
        if (first) { first.focus(); this.setStatus(this.t('insertBlocked'), 'warn'); }
        return Promise.resolve(false);
      }
      if (this.inserting) return this.inserting; // a second Enter while the first insert is checked
      var self = this;
      var reply = this.reply();
      var check = guardrails() ? guardrails().beforeInsert(this, reply) : { ok: true }; // guardrails hook
      return this.inserting = Promise.resolve(check).then(function (verdict) {
        if (!verdict.ok) return false;
        return Promise.resolve(self.host.insert(reply)).then(function () {
          self.setStatus(self.t('inserted'), 'ok');
          self.event('insert', verdict.compensation ? { compensation: verdict.compensation } : {});
          return true;
        });
      }).catch(function (e) {
        if (global.console) console.warn('Replybook: insert failed', e);
        self.setStatus(self.t('insertFailed'), 'error');
        return false;
      }).then(function (done) {
        self.inserting = null;
        return done;
      });
    },

    /** What an insert puts into the reply: the rendered reply, or the agent's edited text as plain paragraphs. */
    reply: function () {
      if (!this.edited) return { html: this.rendered.html, text: this.rendered.text };
      var text = this.preview.innerText.replace(/\n+$/, '');
      var html = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
        .split(/\n{2,}/).map(function (p) { return '<p>' + p.replace(/\n/g, '<br>') + '</p>'; }).join('');
      return { html: html, text: text };
    },

    /** Fire-and-forget usage event; analytics must never break the agent's work. */
    event: function (type, extra) {
      var e = {
        type: type, helpdesk: this.host.name, ticketId: this.ctx.ticketId != null ? String(this.ctx.ticketId) : null,
        tone: this.tone, channel: this.channel, emotion: this.emotion,
        agent: this.ctx.agent && this.ctx.agent.name ? this.ctx.agent.name : null,
        product: this.ctx.product ? String(this.ctx.product).slice(0, 200) : null
      };
      if (this.entry && type !== 'search') { e.entryId = this.entry.id; e.entryVersion = this.entry.version; }
      Object.keys(extra).forEach(function (k) { e[k] = extra[k]; });
      this.api('POST', '/api/v1/events', e).catch(function () { /* ignored on purpose */ });
    },

    resize: function () {
      if (this.host.resize) this.host.resize();
    }
  };

  /** The optional guardrails part (replybook-guardrails.js), or null when the host did not load it. */
  function guardrails() {
    return global.ReplybookGuardrails || null;
  }

  function hitsOf(res) {
    if (!res) return [];
    if (Array.isArray(res)) return res;
    return res.hits || res.suggestions || res.entries || [];
  }

  global.Replybook = {
    /** Builds the panel in root for the given host adapter; returns the widget (its start() promise in .ready). */
    mount: function (root, host) {
      var w = new Widget(root, host);
      w.ready = w.start();
      return w;
    },
    pickLocale: pickLocale,
    el: el,
    clear: clear
  };
})(window);
