/*
 * Replybook widget, part 86: the Learn tab (issue 18, training). The collections the team's leads published
 * (GET /api/v1/collections), loaded when the tab is first opened; one opens to its cases (the conversation, what the
 * agent did, why it worked, how it ended) and scripts, read-only (GET /api/v1/collections/{id}), and the agent marks
 * it studied or takes the mark back (POST / DELETE /api/v1/collections/{id}/studied), said beside the button. Marks
 * are the agent's own: the help-desk's agent is named with every call.
 */
(function (global) {
  'use strict';

  var R = global.Replybook;
  var el = R.util.el;
  var fill = R.fill;

  R.panel({
    name: 'learn', title: 'learn.tab', order: 50,
    build: function (w, box) { w.learnBox = box; }
  });

  R.on('built', function (w) {
    w.tabs.learn.tab.addEventListener('click', function () {
      if (!w.learnLoaded) w.showCollections();
    });
  });

  R.define({
    /** "?agent=…" for the calls that read the agent's own marks ('' without an agent name). */
    agentQuery: function () {
      return this.agentName() ? '?agent=' + encodeURIComponent(this.agentName()) : '';
    },

    /** The list of published collections, each with its counts and the agent's mark. */
    showCollections: function () {
      var self = this;
      var box = this.learnBox;
      this.learnLoaded = true;
      R.util.clear(box);
      var status = box.appendChild(el('p', 'rb-hint rb-learn-status', this.t('loading')));
      status.setAttribute('role', 'status');
      return this.api('GET', '/api/v1/collections' + this.agentQuery()).then(function (res) {
        var list = res.collections || [];
        status.textContent = list.length ? '' : self.t('learn.none');
        var ul = box.appendChild(el('ul', 'rb-learn-list'));
        list.forEach(function (c) { ul.appendChild(self.collectionItem(c)); });
        self.resize();
      }).catch(function (e) {
        self.learnLoaded = false; // opening the tab again tries again
        status.textContent = self.problem(e);
        status.className = 'rb-learn-status rb-error';
        self.resize();
      });
    },

    collectionItem: function (c) {
      var self = this;
      var li = el('li', 'rb-learn-item');
      li.setAttribute('data-id', c.id);
      var open = li.appendChild(el('button', 'rb-learn-open', c.name));
      open.type = 'button';
      open.addEventListener('click', function () { self.showCollection(c.id); });
      li.appendChild(el('span', 'rb-hit-meta', fill(this.t('learn.counts'), c.cases || 0, c.entries || 0)));
      if (c.studiedAt) li.appendChild(el('span', 'rb-learn-studied', fill(this.t('learn.studiedAt'), this.moment(c.studiedAt))));
      if (c.description) li.appendChild(el('span', 'rb-learn-desc', c.description));
      return li;
    },

    /** One collection: its cases and scripts in order, then the agent's studied mark. */
    showCollection: function (id) {
      var self = this;
      var box = this.learnBox;
      return this.api('GET', '/api/v1/collections/' + encodeURIComponent(id) + this.agentQuery()).then(function (c) {
        R.util.clear(box);
        var back = box.appendChild(el('button', 'rb-btn rb-link rb-learn-back', self.t('learn.back')));
        back.type = 'button';
        back.addEventListener('click', function () { self.showCollections(); });
        var head = box.appendChild(el('h3', 'rb-learn-name', c.name));
        head.tabIndex = -1;
        if (c.description) box.appendChild(el('p', 'rb-hint', c.description));
        (c.items || []).forEach(function (item) { box.appendChild(self.learnCard(item)); });
        if (!(c.items || []).length) box.appendChild(el('p', 'rb-hint', self.t('learn.empty')));
        self.studyButton(box, c);
        head.focus();
        self.resize();
      }).catch(function (e) {
        var status = box.querySelector('.rb-learn-status');
        if (status) status.textContent = self.problem(e);
        if (status) status.className = 'rb-learn-status rb-error';
      });
    },

    /** A case (conversation, what was done, why it worked, outcome) or an entry (problem, cause, script, actions). */
    learnCard: function (item) {
      var card = el('article', 'rb-learn-card');
      card.setAttribute('data-type', item.type);
      var c = item['case'];
      var e = item.entry;
      card.appendChild(el('div', 'rb-learn-kind', this.t('learn.kind.' + (c ? 'case' : 'entry'))));
      card.appendChild(el('h4', null, c ? c.title : e.problem));
      if (c) {
        this.learnPart(card, null, item.excerptText, 'rb-learn-convo');
        this.learnPart(card, 'learn.agentDid', c.agentDid);
        this.learnPart(card, 'learn.why', c.whyItWorked, 'rb-learn-why');
        this.learnPart(card, 'learn.outcome', c.outcome);
      } else {
        this.learnPart(card, 'cause', e.cause);
        this.learnPart(card, 'learn.script', e.script, 'rb-learn-script');
        if (e.actions && e.actions.length) {
          card.appendChild(el('div', 'rb-section-title', this.t('actions')));
          var ol = card.appendChild(el('ol', 'rb-list'));
          e.actions.forEach(function (a) { ol.appendChild(el('li', null, a)); });
        }
      }
      return card;
    },

    learnPart: function (card, key, text, cls) {
      if (!text) return;
      if (key) card.appendChild(el('div', 'rb-section-title', this.t(key)));
      card.appendChild(el('p', 'rb-learn-text' + (cls ? ' ' + cls : ''), text));
    },

    /** Mark as studied, or (once marked) when and a button to take the mark back. */
    studyButton: function (box, c) {
      var self = this;
      var studied = !!c.studiedAt;
      var action = this.actionButton(box, studied ? 'learn.unmark' : 'learn.mark', 'rb-learn-mark', function () {
        var body = { agent: self.agentName() };
        return self.api(studied ? 'DELETE' : 'POST', '/api/v1/collections/' + encodeURIComponent(c.id) + '/studied', body)
          .then(function (res) {
            studied = !studied;
            c.studiedAt = studied ? (res && res.studiedAt) || new Date().toISOString() : null;
            action.button.textContent = self.t(studied ? 'learn.unmark' : 'learn.mark');
            action.row.setAttribute('data-studied', studied ? 'true' : 'false');
            action.say(studied ? fill(self.t('learn.studiedAt'), self.moment(c.studiedAt)) : self.t('learn.unmarked'), 'ok');
          });
      });
      action.row.setAttribute('data-studied', studied ? 'true' : 'false');
      if (studied) action.say(fill(this.t('learn.studiedAt'), this.moment(c.studiedAt)));
    }
  });
})(window);
